use super::*;

fn run(left: &str, right: &str) -> Vec<(Vec<usize>, Vec<usize>, bool)> {
    let l = Document::parse("l", left);
    let r = Document::parse("r", right);
    align(&l, &r, &PairTokens::new(&l, &r))
        .links
        .into_iter()
        .map(|k| (k.left.collect(), k.right.collect(), k.moved))
        .collect()
}

const STORY: &str = "The council approved the new budget on Monday.\n\
    Spending on schools will rise by twelve percent next year.\n\
    Opposition members walked out of the chamber in protest.\n\
    The mayor said the vote was a victory for families.\n";

#[test]
fn identical_texts_align_one_to_one_in_order() {
    let links = run(STORY, STORY);
    assert_eq!(
        links,
        vec![
            (vec![0], vec![0], false),
            (vec![1], vec![1], false),
            (vec![2], vec![2], false),
            (vec![3], vec![3], false)
        ]
    );
}

#[test]
fn identical_sentences_score_one_whatever_their_context() {
    let (l, r) = (Document::parse("l", STORY), Document::parse("r", STORY));
    let scores: Vec<f32> = align(&l, &r, &PairTokens::new(&l, &r))
        .links
        .iter()
        .map(|k| k.score)
        .collect();
    assert_eq!(scores.len(), 4);
    assert!(scores.iter().all(|&s| (s - 1.0).abs() < 1e-4), "{scores:?}");
}

#[test]
fn a_sentence_split_in_two_is_one_link() {
    let right = "The council approved the new budget on Monday.\n\
        Spending on schools will rise next year. The rise is twelve percent.\n\
        Opposition members walked out of the chamber in protest.\n";
    let links = run(STORY, right);
    assert!(links.contains(&(vec![1], vec![1, 2], false)), "{links:?}");
}

#[test]
fn two_sentences_merged_are_one_link() {
    let right = "The council approved the new budget on Monday, and spending on schools will rise by twelve percent next year.\n\
        The mayor said the vote was a victory for families.\n";
    let links = run(STORY, right);
    assert!(links.contains(&(vec![0, 1], vec![0], false)), "{links:?}");
    assert!(links.contains(&(vec![3], vec![1], false)), "{links:?}");
}

#[test]
fn a_moved_paragraph_is_linked_and_marked_moved() {
    let right = "Spending on schools will rise by twelve percent next year.\n\
        Opposition members walked out of the chamber in protest.\n\
        The mayor said the vote was a victory for families.\n\
        The council approved the new budget on Monday.\n";
    let links = run(STORY, right);
    assert!(links.contains(&(vec![0], vec![3], true)), "{links:?}");
    assert_eq!(links.iter().filter(|l| l.2).count(), 1, "{links:?}");
}

#[test]
fn unrelated_sentences_stay_unique() {
    let right = "The council approved the new budget on Monday.\n\
        A storm knocked out power across the northern suburbs overnight.\n";
    let links = run(STORY, right);
    assert_eq!(links, vec![(vec![0], vec![0], false)]);
}

#[test]
fn empty_sides() {
    assert!(run(STORY, "").is_empty());
    assert!(run("", STORY).is_empty());
    assert!(run("", "").is_empty());
}

#[test]
fn sentences_belong_to_at_most_one_link() {
    let right = "Spending on schools will rise. Spending on schools will rise by twelve percent next year.\n\
        The council approved the new budget on Monday. The council approved it.\n";
    let l = Document::parse("l", STORY);
    let r = Document::parse("r", right);
    let alignment = align(&l, &r, &PairTokens::new(&l, &r));
    let mut seen_left = vec![0; l.sentences.len()];
    let mut seen_right = vec![0; r.sentences.len()];
    for link in &alignment.links {
        link.left.clone().for_each(|i| seen_left[i] += 1);
        link.right.clone().for_each(|j| seen_right[j] += 1);
    }
    assert!(
        seen_left.iter().chain(&seen_right).all(|&c| c <= 1),
        "{:?}",
        alignment.links
    );
}

#[test]
fn a_moved_passage_of_several_sentences_is_one_link() {
    let left = "Troops captured the bridge over the river at dawn. Engineers later blew up the old dam upstream.\n\
        The council approved the new budget on Monday.\n\
        Spending on schools will rise by twelve percent next year.\n\
        The mayor said the vote was a victory for families.\n";
    let right = "The council approved the new budget on Monday.\n\
        Spending on schools will rise by twelve percent next year.\n\
        The mayor said the vote was a victory for families.\n\
        Meanwhile troops captured the river bridge at dawn. Engineers blew up the old dam upstream later.\n";
    let links = run(left, right);
    assert!(links.contains(&(vec![0, 1], vec![3, 4], true)), "{links:?}");
}

#[test]
fn an_unchanged_sentence_keeps_its_counterpart_when_a_look_alike_is_added() {
    let left = "Die Geldbuße beträgt mindestens 250 Euro und höchstens 1.500 Euro.\n\
        Die Behörde prüft jeden Antrag innerhalb von vier Wochen.\n";
    let right = "Die Geldbuße beträgt mindestens 500 Euro und höchstens 2.500 Euro, wenn der Verstoß wiederholt wird.\n\
        Die Geldbuße beträgt mindestens 250 Euro und höchstens 1.500 Euro.\n\
        Die Behörde prüft jeden Antrag innerhalb von vier Wochen.\n";
    let links = run(left, right);
    assert!(links.contains(&(vec![0], vec![1], false)), "{links:?}");
    assert!(links.contains(&(vec![1], vec![2], false)), "{links:?}");
}

#[test]
fn a_lone_pair_between_two_links_is_linked() {
    let left = "O IBGE divulgou nesta sexta-feira a pesquisa anual sobre os domicílios do país.\n\
        Em 2005, 12,3% das casas tinham computador e 7,2% tinham acesso à internet.\n\
        A pesquisa ouviu moradores de todos os estados.\n";
    let right = "O IBGE divulgou nesta sexta-feira a pesquisa anual sobre os domicílios do país.\n\
        Em 2008, 31,2% das casas tinham micro e 23,8% navegavam.\n\
        A pesquisa ouviu moradores de todos os estados.\n";
    let links = run(left, right);
    assert!(links.contains(&(vec![1], vec![1], false)), "{links:?}");
}

#[test]
fn a_caption_that_shares_nothing_but_chance_is_not_linked() {
    let left = "The earthquake killed at least 56 people in the province, officials said.\n\
        STR / AFP Dégâts causés par le séisme.\n\
        Rescue teams searched the rubble through the night.\n";
    let right = "The earthquake killed at least 89 people in the province, officials said.\n\
        Last year a flood in the same valley left 12 dead.\n\
        Rescue teams searched the rubble through the night.\n";
    let links = run(left, right);
    assert!(
        links.iter().all(|l| l.0 != vec![1] && l.1 != vec![1]),
        "{links:?}"
    );
}

#[test]
fn a_moved_sentence_does_not_swallow_its_paragraph() {
    // One paragraph a side, as many web texts come: the sentence found far
    // away must not take its unrelated neighbours with it.
    let left = "Die Stadt baut eine neue Brücke über den Fluss. Die Arbeiten beginnen im Frühjahr. \
        Der Bürgermeister lobt das Projekt. Die Kosten liegen bei zwölf Millionen Euro. \
        Im Sommer findet wieder das Stadtfest statt. Es gibt Musik und Essen.\n";
    let right = "Im Sommer findet wieder das Stadtfest statt. Es gibt Musik und Essen. \
        Die Stadt baut eine neue Brücke über den Fluss. Die Arbeiten beginnen im Frühjahr. \
        Der Bürgermeister lobt das Projekt. Die Kosten liegen bei zwölf Millionen Euro.\n";
    for (l, r, _) in run(left, right) {
        assert!(l.len() <= 2 && r.len() <= 2, "{l:?} {r:?}");
    }
}

/// Words to build random articles from, so that random sentences share
/// words by chance as real ones do.
const WORDS: &[&str] = &[
    "the", "council", "river", "budget", "storm", "school", "mayor", "night", "bridge", "vote",
    "city", "people", "said", "water", "road", "police", "court", "new", "old", "year", "a", "of",
    "in", "was", "to", "and", "from", "power", "north", "rain",
];

fn sentence_of(words: &[usize]) -> String {
    let mut s: Vec<&str> = words.iter().map(|&w| WORDS[w % WORDS.len()]).collect();
    let first = s[0].to_string();
    let capital = first[..1].to_uppercase() + &first[1..];
    s[0] = &capital;
    format!("{}.", s.join(" "))
}

proptest::proptest! {
    /// A sentence that occurs once in each of two random articles, anywhere
    /// in them, is linked to itself: its counterpart is certain.
    #[test]
    fn an_identical_sentence_once_on_each_side_is_linked(
        left in proptest::collection::vec(proptest::collection::vec(0usize..30, 3..12), 0..12),
        right in proptest::collection::vec(proptest::collection::vec(0usize..30, 3..12), 0..12),
        at in (0usize..13, 0usize..13),
        paragraphs in proptest::bool::ANY,
    ) {
        let shared = "Divers recovered the ancient bronze statue near Riace.";
        let mut l: Vec<String> = left.iter().map(|w| sentence_of(w)).filter(|s| s != shared).collect();
        let mut r: Vec<String> = right.iter().map(|w| sentence_of(w)).filter(|s| s != shared).collect();
        let (li, ri) = (at.0.min(l.len()), at.1.min(r.len()));
        l.insert(li, shared.to_string());
        r.insert(ri, shared.to_string());
        let sep = if paragraphs { "\n" } else { " " };
        let links = run(&l.join(sep), &r.join(sep));
        let (ld, rd) = (Document::parse("l", l.join(sep)), Document::parse("r", r.join(sep)));
        proptest::prop_assert_eq!((ld.sentences.len(), rd.sentences.len()), (l.len(), r.len()));
        proptest::prop_assert!(
            links.iter().any(|(a, b, _)| a.contains(&li) && b.contains(&ri)),
            "{links:?}"
        );
    }
}
