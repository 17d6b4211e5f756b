//! Which events are shown: a text query and the categories switched off in the legend.

use std::collections::BTreeSet;

use super::event::Event;

/// What the user narrowed the view to. `Default` shows everything.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Case-insensitive words that must all appear in the title, description, tags, actors or
    /// targets.
    pub query: String,
    /// Category ids hidden from the timeline (`""` stands for uncategorised events).
    pub hidden_categories: BTreeSet<String>,
}

impl Filter {
    /// Whether nothing is filtered out.
    pub fn is_empty(&self) -> bool {
        self.query.trim().is_empty() && self.hidden_categories.is_empty()
    }

    /// Whether `event` passes.
    pub fn matches(&self, event: &Event) -> bool {
        let category = event.category.as_deref().unwrap_or("");
        if self.hidden_categories.contains(category) {
            return false;
        }
        let query = self.query.trim();
        if query.is_empty() {
            return true;
        }
        let fields = [
            event.title.as_str(),
            event.description.as_deref().unwrap_or(""),
        ];
        let lists = [&event.tags, &event.actors, &event.targets];
        query.split_whitespace().all(|word| {
            let word = word.to_lowercase();
            fields.iter().any(|f| f.to_lowercase().contains(&word))
                || lists
                    .iter()
                    .any(|list| list.iter().any(|v| v.to_lowercase().contains(&word)))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_words_must_all_match_somewhere() {
        let mut event = Event::new("b", "DDoS attack on Belnet", "2021-05-04".parse().unwrap());
        event.actors = vec!["CCB".into()];
        event.category = Some("incident".into());
        let filter = |q: &str| Filter {
            query: q.into(),
            ..Filter::default()
        };
        assert!(filter("").matches(&event));
        assert!(filter("belnet").matches(&event));
        assert!(filter("ddos ccb").matches(&event));
        assert!(!filter("ddos police").matches(&event));
        let hidden = Filter {
            hidden_categories: ["incident".to_owned()].into(),
            ..Filter::default()
        };
        assert!(!hidden.matches(&event));
    }
}
