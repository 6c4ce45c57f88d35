//! The palettes keep every foreground readable on every background it can
//! be drawn on, and the choice of palette follows its documented order.

use super::*;

type Rgb = (u8, u8, u8);

/// The 16 named colours as xterm defines them (the assumption for
/// 16-colour terminals, whose themes choose their own values).
const XTERM_16: [Rgb; 16] = [
    (0, 0, 0),
    (205, 0, 0),
    (0, 205, 0),
    (205, 205, 0),
    (0, 0, 238),
    (205, 0, 205),
    (0, 205, 205),
    (229, 229, 229),
    (127, 127, 127),
    (255, 0, 0),
    (0, 255, 0),
    (255, 255, 0),
    (92, 92, 255),
    (255, 0, 255),
    (0, 255, 255),
    (255, 255, 255),
];

/// The terminal's own colours a palette is made for: (text, background),
/// from pure black or white to the greys of common themes.
fn terminal_defaults(palette: Palette) -> [(Rgb, Rgb); 2] {
    match palette {
        Palette::Dark => [
            ((192, 192, 192), (0, 0, 0)),
            ((192, 192, 192), (38, 38, 38)),
        ],
        Palette::Light => [
            ((0, 0, 0), (255, 255, 255)),
            ((51, 51, 51), (240, 240, 240)),
        ],
    }
}

fn rgb(colour: Color, default: Rgb) -> Rgb {
    let named = |i: usize| XTERM_16[i];
    match colour {
        Color::Reset => default,
        Color::Black => named(0),
        Color::Red => named(1),
        Color::Green => named(2),
        Color::Yellow => named(3),
        Color::Blue => named(4),
        Color::Magenta => named(5),
        Color::Cyan => named(6),
        Color::Gray => named(7),
        Color::DarkGray => named(8),
        Color::LightRed => named(9),
        Color::LightGreen => named(10),
        Color::LightYellow => named(11),
        Color::LightBlue => named(12),
        Color::LightMagenta => named(13),
        Color::LightCyan => named(14),
        Color::White => named(15),
        Color::Indexed(i @ 0..=15) => named(usize::from(i)),
        Color::Indexed(i @ 16..=231) => {
            let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * v };
            let i = i - 16;
            (level(i / 36), level(i / 6 % 6), level(i % 6))
        }
        Color::Indexed(i) => {
            let v = 8 + 10 * (i - 232);
            (v, v, v)
        }
        Color::Rgb(r, g, b) => (r, g, b),
    }
}

/// WCAG 2 contrast ratio, 1 to 21.
fn contrast(a: Rgb, b: Rgb) -> f64 {
    let luminance = |(r, g, b): Rgb| {
        let channel = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    };
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// The colours a terminal shows for `style` drawn on a cell of background
/// `cell` (the terminal's own, or the focus band).
fn drawn(style: Style, cell: Color, (text, background): (Rgb, Rgb)) -> (Rgb, Rgb) {
    let fg = rgb(style.fg.unwrap_or(Color::Reset), text);
    let bg = rgb(style.bg.unwrap_or(cell), background);
    if style.add_modifier.contains(Modifier::REVERSED) {
        (bg, fg)
    } else {
        (fg, bg)
    }
}

/// WCAG AA for text; 3:1 for glyphs that are not read as words.
const TEXT: f64 = 4.5;
const GLYPH: f64 = 3.0;

/// Every style as the screen combines it, with the least contrast it needs.
fn drawn_styles(t: &Theme) -> Vec<(String, Style, f64, bool)> {
    let mut out = Vec::new();
    // Passage text: a look, maybe a marked word, a search hit, a selection;
    // on the plain background or the focus band.
    for (look, base) in [
        ("text", t.text),
        ("unique", t.unique),
        ("placeholder", t.placeholder),
    ] {
        for (mark, over) in [
            ("", Style::new()),
            ("+changed", t.changed),
            ("+reworded", t.reworded),
        ] {
            for (hit, hit_style) in [("", Style::new()), ("+hit", t.search_hit)] {
                for (sel, sel_style) in [("", Style::new()), ("+selection", t.selection)] {
                    let style = base.patch(over).patch(hit_style).patch(sel_style);
                    out.push((format!("{look}{mark}{hit}{sel}"), style, TEXT, true));
                }
            }
        }
    }
    for (name, style) in [
        ("title", t.title),
        ("title_active", t.title_active),
        ("status", t.status),
        ("overlay", t.overlay),
    ] {
        out.push((name.into(), style, TEXT, false));
    }
    for (name, style) in [
        ("focus_bar", t.focus_bar),
        ("mark_aligned", t.mark_aligned),
        ("mark_divergent", t.mark_divergent),
        ("mark_unique", t.mark_unique),
        ("mark_moved", t.mark_moved),
    ] {
        out.push((name.into(), style, GLYPH, true));
        out.push((
            format!("{name} (focused, reversed)"),
            style.add_modifier(Modifier::REVERSED),
            GLYPH,
            false,
        ));
    }
    out
}

#[test]
fn no_palette_puts_a_foreground_on_a_background_with_too_little_contrast() {
    let mut failures = Vec::new();
    for palette in [Palette::Dark, Palette::Light] {
        for colours in [Colours::Full, Colours::Sixteen] {
            let theme = Theme::for_terminal(palette, colours);
            let focus = theme.focus.bg.unwrap_or(Color::Reset);
            for defaults in terminal_defaults(palette) {
                for (name, style, least, on_focus) in drawn_styles(&theme) {
                    let cells: &[(&str, Color)] = if on_focus {
                        &[("plain", Color::Reset), ("focus", focus)]
                    } else {
                        &[("plain", Color::Reset)]
                    };
                    for &(cell_name, cell) in cells {
                        let (f, b) = drawn(style, cell, defaults);
                        let ratio = contrast(f, b);
                        if ratio < least {
                            failures.push(format!("{palette:?}/{colours:?} on {defaults:?}: {name} on {cell_name}: {f:?} on {b:?} = {ratio:.2} < {least}"));
                        }
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_focus_band_stands_out_from_the_terminal_background_in_256_colours() {
    for palette in [Palette::Dark, Palette::Light] {
        let focus = Theme::new(palette).focus.bg.expect("a band");
        for (_, background) in terminal_defaults(palette) {
            let ratio = contrast(rgb(focus, background), background);
            assert!(
                ratio > 1.1,
                "{palette:?}: band {focus:?} vs {background:?}: {ratio:.2}"
            );
        }
    }
}

fn colours_of(t: &Theme) -> Vec<Color> {
    drawn_styles(t)
        .iter()
        .flat_map(|(_, s, _, _)| [s.fg, s.bg])
        .chain([t.focus.bg])
        .flatten()
        .collect()
}

#[test]
fn sixteen_colours_use_only_the_named_colours_and_no_color_uses_none() {
    for palette in [Palette::Dark, Palette::Light] {
        let sixteen = colours_of(&Theme::for_terminal(palette, Colours::Sixteen));
        assert!(
            sixteen
                .iter()
                .all(|c| !matches!(c, Color::Indexed(_) | Color::Rgb(..))),
            "{palette:?}: {sixteen:?}"
        );
        assert_eq!(
            colours_of(&Theme::for_terminal(palette, Colours::None)),
            Vec::<Color>::new()
        );
    }
}

#[test]
fn without_colour_every_state_still_differs_by_modifier() {
    let t = Theme::for_terminal(Palette::Dark, Colours::None);
    let looks = [
        t.text,
        t.reworded,
        t.changed,
        t.unique,
        t.search_hit,
        t.selection,
    ];
    for (i, a) in looks.iter().enumerate() {
        for b in &looks[i + 1..] {
            assert_ne!(a.add_modifier, b.add_modifier, "{a:?} / {b:?}");
        }
    }
}

#[test]
fn colorfgbg_names_the_background() {
    assert_eq!(Palette::from_colorfgbg("15;0"), Some(Palette::Dark));
    assert_eq!(Palette::from_colorfgbg("0;15"), Some(Palette::Light));
    assert_eq!(
        Palette::from_colorfgbg("0;default;15"),
        Some(Palette::Light)
    );
    assert_eq!(Palette::from_colorfgbg("12;8"), Some(Palette::Dark));
    assert_eq!(Palette::from_colorfgbg("0;7"), Some(Palette::Light));
    assert_eq!(Palette::from_colorfgbg("15;default"), None);
    assert_eq!(Palette::from_colorfgbg(""), None);
    assert_eq!(Palette::from_colorfgbg("0;200"), None);
}

#[test]
fn theme_names_parse_and_a_bad_one_is_an_error() {
    assert_eq!(Palette::from_name("light"), Ok(Some(Palette::Light)));
    assert_eq!(Palette::from_name(" Dark "), Ok(Some(Palette::Dark)));
    assert_eq!(Palette::from_name("auto"), Ok(None));
    assert_eq!(Palette::from_name(""), Ok(None));
    let e = Palette::from_name("solarized\x1b[31m").unwrap_err();
    assert!(
        e.contains("solarized") && e.contains("dark, light or auto") && !e.contains('\x1b'),
        "{e}"
    );
}

#[test]
fn the_palette_follows_flag_then_env_then_config_then_colorfgbg_then_the_terminal() {
    use Palette::*;
    let never = || -> Option<Palette> { panic!("the terminal must not be asked") };
    let all = PaletteSources {
        flag: Some(Light),
        env: Some("dark"),
        config: Some(Dark),
        colorfgbg: Some("15;0"),
    };
    assert_eq!(all.choose(never), Ok(Light));
    let env = PaletteSources { flag: None, ..all };
    assert_eq!(env.choose(never), Ok(Dark));
    let env_light = PaletteSources {
        env: Some("light"),
        config: Some(Dark),
        ..env
    };
    assert_eq!(env_light.choose(never), Ok(Light));
    // `auto` in the environment hands over to the next source.
    let config = PaletteSources {
        env: Some("auto"),
        config: Some(Light),
        ..env
    };
    assert_eq!(config.choose(never), Ok(Light));
    let colorfgbg = PaletteSources {
        config: None,
        colorfgbg: Some("0;15"),
        ..config
    };
    assert_eq!(colorfgbg.choose(never), Ok(Light));
    // COLORFGBG that says nothing: the terminal is asked.
    let ask = PaletteSources {
        colorfgbg: Some("15;default"),
        ..colorfgbg
    };
    assert_eq!(ask.choose(|| Some(Light)), Ok(Light));
    assert_eq!(PaletteSources::default().choose(|| Some(Light)), Ok(Light));
    // Nothing answers: dark.
    assert_eq!(PaletteSources::default().choose(|| None), Ok(Dark));
}

#[test]
fn a_bad_tandem_theme_is_an_error_even_when_the_flag_decides() {
    let sources = PaletteSources {
        flag: Some(Palette::Dark),
        env: Some("blue"),
        ..Default::default()
    };
    let e = sources.choose(|| None).unwrap_err();
    assert!(e.starts_with("TANDEM_THEME: unknown theme “blue”"), "{e}");
}
