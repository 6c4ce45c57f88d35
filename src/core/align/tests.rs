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
