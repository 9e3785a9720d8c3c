//! A small scanner for the machine-written XML of the gold sets (MEANTIME, GeoVirus): elements
//! by name, attributes by name, the five predefined entities. Not a general XML parser.

/// The `value` of attribute `name` in the tag text `tag`.
pub(crate) fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    Some(&tag[start..start + tag[start..].find('"')?])
}

pub(crate) fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// Every element `<name ...>...</name>` or `<name .../>`: (the opening tag, the body).
pub(crate) fn elements<'a>(xml: &'a str, name: &str) -> Vec<(&'a str, &'a str)> {
    let open = format!("<{name}");
    let close = format!("</{name}>");
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find(&open) {
        rest = &rest[i..];
        // `<name ` or `<name>`, not `<name_other`.
        if !rest[open.len()..].starts_with([' ', '>', '/']) {
            rest = &rest[open.len()..];
            continue;
        }
        let Some(tag_end) = rest.find('>') else { break };
        let tag = &rest[..=tag_end];
        if tag.ends_with("/>") {
            out.push((tag, ""));
            rest = &rest[tag_end + 1..];
            continue;
        }
        let Some(body_end) = rest.find(&close) else { break };
        out.push((tag, &rest[tag_end + 1..body_end]));
        rest = &rest[body_end + close.len()..];
    }
    out
}

/// The XML without its comments (`<!-- ... -->`), which may hold commented-out elements.
pub(crate) fn without_comments(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(i) = rest.find("<!--") {
        out.push_str(&rest[..i]);
        rest = rest[i..].find("-->").map_or("", |j| &rest[i + j + 3..]);
    }
    out.push_str(rest);
    out
}

/// The body of the first element `<name>...</name>` in `xml`.
pub(crate) fn child<'a>(xml: &'a str, name: &str) -> Option<&'a str> {
    elements(xml, name).first().map(|(_, body)| *body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scanner_reads_elements_and_attributes() {
        let xml = r#"<token number="0" sentence="0" t_id="1">AT&amp;T</token><ENTITY_MENTION m_id="5" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION><ENTITY_MENTION m_id="6"/>"#;
        let tokens = elements(xml, "token");
        assert_eq!(tokens.len(), 1);
        assert_eq!((attr(tokens[0].0, "t_id"), unescape(tokens[0].1).as_str()), (Some("1"), "AT&T"));
        let mentions = elements(xml, "ENTITY_MENTION");
        assert_eq!(mentions.len(), 2);
        assert_eq!(attr(mentions[0].0, "syntactic_type"), Some("NAM"));
        assert_eq!(elements(mentions[0].1, "token_anchor").len(), 1);
        assert_eq!(elements("<text>a &amp; b</text><textual>x</textual>", "text"), [("<text>", "a &amp; b")]);
        assert_eq!(without_comments("<a>1</a><!--<a>2</a>--><a>3</a><!-- open"), "<a>1</a><a>3</a>");
        assert_eq!(child("<p><name>x</name><name>y</name></p>", "name"), Some("x"));
    }
}
