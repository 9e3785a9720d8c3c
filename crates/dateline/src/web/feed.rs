//! RSS and Atom feeds: each item becomes a document.
//!
//! RSS 2.0 (`<item>` with `title`, `link`, `pubDate` or `dc:date`, `content:encoded`,
//! `description`, `guid`), RSS 1.0 (RDF, the same items) and Atom (`<entry>` with `title`,
//! `<link href rel="alternate">`, `published` or `updated`, `content`, `summary`, `id`). The
//! XML is read by the same tolerant tokenizer as HTML, so a feed with broken markup still
//! yields the items it holds; a feed with no feed element, no items, or cut inside an item
//! says so.

use super::tokenizer::{attr_value, decode_entities, Token, Tokenizer};
use super::{decode, parse_date, Hints};
use crate::error::{Error, ErrorKind};

/// One feed item.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Item {
    /// Its title.
    pub title: Option<String>,
    /// Its link.
    pub link: Option<String>,
    /// Its date as written (`pubDate`, `dc:date`, `published`, `updated`).
    pub date: Option<String>,
    /// The text it carries: its full content when present, else its summary (HTML or text).
    pub content: String,
    /// Its `guid` or Atom `id`.
    pub id: Option<String>,
}

impl Item {
    /// What the item says about the page it carries, for [`super::fragment_document`].
    pub fn hints(&self) -> Hints {
        Hints {
            url: self.link.clone(),
            title: self.title.clone(),
            published: self.date.as_deref().and_then(parse_date),
            ..Hints::default()
        }
    }
}

/// What reading a feed gives: its items, and a problem when the feed is damaged (cut inside
/// an item, say) though some items could be read.
#[derive(Clone, Debug, Default)]
pub struct Feed {
    /// The items, in order.
    pub items: Vec<Item>,
    /// What was wrong with the rest of the feed.
    pub problem: Option<Error>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Link,
    Date,
    Updated,
    Content,
    Summary,
    Id,
}

/// Reads a feed's items. An input with no `rss`, `feed` or `rdf:RDF` element, or no item
/// at all, is an error.
pub fn read(bytes: &[u8]) -> Result<Feed, Error> {
    let (xml, _) = decode(bytes, None);
    let lower_head = xml[..xml.len().min(4096)].to_ascii_lowercase();
    if !(lower_head.contains("<rss") || lower_head.contains("<feed") || lower_head.contains("<rdf:rdf")) {
        return Err(ErrorKind::Feed("no <rss>, <feed> or <rdf:RDF> element at its start".into()).into());
    }
    let mut feed = Feed::default();
    let mut item: Option<(Item, Option<String>, Option<String>)> = None; // item, content, summary
    let mut field: Option<(Field, usize, usize)> = None; // field, inner start, element depth
    let mut buf = String::new();
    let mut depth = 0usize;
    let mut has_markup = false;
    let mut updated: Option<String> = None;
    for tok in Tokenizer::xml(&xml) {
        match tok {
            Token::Start { name, attrs, self_closing, whole, .. } => {
                let n = xml[name].to_ascii_lowercase();
                if !self_closing {
                    depth += 1;
                }
                if n == "item" || n == "entry" {
                    if let Some((it, c, s)) = item.take() {
                        push(&mut feed, it, c, s, updated.take());
                    }
                    item = Some((Item::default(), None, None));
                    field = None;
                    continue;
                }
                let Some((it, _, _)) = item.as_mut() else { continue };
                if field.is_some() {
                    has_markup = true; // an element inside a field: XHTML content
                    continue;
                }
                let f = match n.as_str() {
                    "title" => Field::Title,
                    "link" => {
                        // Atom: `<link rel="alternate" href="..."/>`.
                        if let Some(href) = attr_value(&xml, attrs.clone(), "href") {
                            let rel = attr_value(&xml, attrs, "rel").unwrap_or_else(|| "alternate".into());
                            if rel == "alternate" && it.link.is_none() {
                                it.link = Some(href.trim().to_string());
                            }
                            continue;
                        }
                        Field::Link
                    }
                    "pubdate" | "dc:date" | "published" | "issued" => Field::Date,
                    "updated" | "modified" | "dcterms:modified" => Field::Updated,
                    "content:encoded" | "content" => Field::Content,
                    "description" | "summary" => Field::Summary,
                    "guid" | "id" => Field::Id,
                    _ => continue,
                };
                if self_closing {
                    continue;
                }
                buf.clear();
                has_markup = false;
                field = Some((f, whole.end, depth));
            }
            Token::End { name, .. } => {
                let n = xml[name.clone()].to_ascii_lowercase();
                if let Some((f, inner_start, d)) = field {
                    if d == depth {
                        // The field ends: XHTML content is its inner markup, else its text.
                        let value = if has_markup { xml[inner_start..name.start.saturating_sub(2)].to_string() } else { std::mem::take(&mut buf) };
                        let value = value.trim().to_string();
                        if let Some((it, content, summary)) = item.as_mut() {
                            let slot = match f {
                                Field::Title => &mut it.title,
                                Field::Link => &mut it.link,
                                Field::Date => &mut it.date,
                                Field::Updated => &mut updated,
                                Field::Content => content,
                                Field::Summary => summary,
                                Field::Id => &mut it.id,
                            };
                            if slot.is_none() && !value.is_empty() {
                                *slot = Some(value);
                            }
                        }
                        field = None;
                    }
                }
                depth = depth.saturating_sub(1);
                if (n == "item" || n == "entry") && field.is_none() {
                    if let Some((it, c, s)) = item.take() {
                        push(&mut feed, it, c, s, updated.take());
                    }
                }
            }
            Token::Text(r) => {
                if field.is_some() && buf.len() < (64 << 20) {
                    buf.push_str(&decode_entities(&xml[r]));
                }
            }
            Token::RawText(r) => {
                if field.is_some() && buf.len() < (64 << 20) {
                    buf.push_str(&xml[r]);
                }
            }
        }
    }
    if let Some((it, c, s)) = item.take() {
        let n = feed.items.len() + 1;
        push(&mut feed, it, c, s, updated.take());
        feed.problem = Some(ErrorKind::Feed(format!("the feed ends inside item {n} (cut short?); the items before it are read")).into());
    }
    if feed.items.is_empty() {
        return Err(feed.problem.unwrap_or_else(|| ErrorKind::Feed("no <item> or <entry> in the feed".into()).into()));
    }
    Ok(feed)
}

fn push(feed: &mut Feed, mut item: Item, content: Option<String>, summary: Option<String>, updated: Option<String>) {
    item.content = content.or(summary).unwrap_or_default();
    if item.date.is_none() {
        item.date = updated;
    }
    if let Some(t) = &mut item.title {
        // Titles may carry markup of their own (`type="html"`).
        if t.contains('<') {
            *t = t.split('<').enumerate().map(|(i, p)| if i == 0 { p } else { p.split_once('>').map_or("", |x| x.1) }).collect();
        }
    }
    feed.items.push(item);
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Example News</title><link>https://example.com/</link><description>All the news</description>
<item><title>Leaders meet in Alaska</title><link>https://example.com/2025/08/15/alaska</link>
<pubDate>Fri, 15 Aug 2025 09:00:00 GMT</pubDate><guid>a1</guid>
<description>Short &lt;b&gt;summary&lt;/b&gt;.</description>
<content:encoded><![CDATA[<p>Donald Trump and Vladimir Putin met in Anchorage on Friday.</p><p>They talked.</p>]]></content:encoded></item>
<item><title>Second &amp; last</title><link>https://example.com/b</link><dc:date>2025-08-16</dc:date>
<description>Only a summary, as text.</description></item>
</channel></rss>"#;

    #[test]
    fn rss_items_with_content_and_summaries() {
        let feed = read(RSS.as_bytes()).unwrap();
        assert!(feed.problem.is_none());
        assert_eq!(feed.items.len(), 2);
        let a = &feed.items[0];
        assert_eq!(a.title.as_deref(), Some("Leaders meet in Alaska"));
        assert_eq!(a.link.as_deref(), Some("https://example.com/2025/08/15/alaska"));
        assert_eq!(a.hints().published.unwrap().to_string(), "2025-08-15");
        assert!(a.content.starts_with("<p>Donald Trump"), "{}", a.content);
        let b = &feed.items[1];
        assert_eq!(b.title.as_deref(), Some("Second & last"));
        assert_eq!(b.content, "Only a summary, as text.");
        assert_eq!(b.hints().published.unwrap().to_string(), "2025-08-16");
    }

    #[test]
    fn atom_entries_with_html_and_xhtml_content() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title>
<entry><title type="html">Talks &lt;em&gt;begin&lt;/em&gt;</title><link rel="alternate" href="https://blog.example/talks"/><link rel="edit" href="https://blog.example/edit/1"/>
<id>urn:1</id><updated>2025-08-16T10:00:00Z</updated><published>2025-08-15T10:00:00Z</published>
<summary>Sum.</summary><content type="html">&lt;p&gt;The talks began.&lt;/p&gt;</content></entry>
<entry><title>Two</title><link href="https://blog.example/two"/><updated>2025-08-17T10:00:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>XHTML body.</p></div></content></entry></feed>"#;
        let feed = read(atom.as_bytes()).unwrap();
        assert_eq!(feed.items.len(), 2);
        assert_eq!(feed.items[0].title.as_deref(), Some("Talks begin"));
        assert_eq!(feed.items[0].link.as_deref(), Some("https://blog.example/talks"));
        assert_eq!(feed.items[0].date.as_deref(), Some("2025-08-15T10:00:00Z"));
        assert_eq!(feed.items[0].content, "<p>The talks began.</p>");
        assert_eq!(feed.items[1].content, r#"<div xmlns="http://www.w3.org/1999/xhtml"><p>XHTML body.</p></div>"#);
        assert_eq!(feed.items[1].date.as_deref(), Some("2025-08-17T10:00:00Z"));
    }

    #[test]
    fn broken_feeds_say_what_is_wrong() {
        let cut = &RSS[..RSS.find("<dc:date>").unwrap()];
        let feed = read(cut.as_bytes()).unwrap();
        assert_eq!(feed.items.len(), 2);
        assert!(feed.problem.unwrap().to_string().contains("ends inside item 2"));
        let err = read(b"<rss><channel><title>x</title></channel></rss>").unwrap_err();
        assert_eq!((err.code(), err.to_string().contains("no <item>")), ("invalid-feed", true));
        assert_eq!(read(b"just text").unwrap_err().code(), "invalid-feed");
        // Mismatched and unclosed tags inside items still give the items.
        let feed = read(b"<rss><item><title>A</b></title><description>Text <p>one</description></item><item><title>B").unwrap();
        assert_eq!(feed.items.len(), 2);
        assert_eq!(feed.items[0].title.as_deref(), Some("A"));
    }
}
