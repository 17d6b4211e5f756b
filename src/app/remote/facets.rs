//! A table's facet counts: asked of its server when a facet section is open, once per filter,
//! kept while the filter stays the same, and merged with the other open files' own counts.

use super::super::{AppState, Delivery, Effect, Reply};
use crate::i18n::Said;
use crate::io::clickhouse::{self as ch, filter::Condition};
use crate::model::filter::{FacetValue, Field};

/// Count one facet's values on the server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CountFacet {
    /// The table.
    pub address: String,
    /// The facet.
    pub field: Field,
    /// The filter without the facet itself.
    pub condition: Option<Condition>,
    /// Whether the table has hourly counts.
    pub rollup: bool,
    /// The password typed when the table was connected, if any.
    pub password: Option<ch::Password>,
}

/// A facet's values and counts on the server (or why not).
pub type FacetCounted = Result<Vec<(String, u64)>, Said>;

impl CountFacet {
    /// Asks the server.
    pub fn run(&self) -> Reply {
        let result = super::client(&self.address, self.password.as_ref())
            .and_then(|client| {
                ch::filter::facet_counts(&client, self.field, self.condition.as_ref(), self.rollup)
            })
            .map_err(|e| e.said());
        Reply::FacetCounted(self.clone(), Delivery::new(result))
    }
}

/// Where a table's counts for a facet are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ServerFacet {
    /// No table is open (or the facet is the file facet): counted here.
    NotAsked,
    /// Not asked under the current filter yet.
    Needed,
    /// The server is counting.
    Counting,
    /// Counted (merged into [`AppState::facet_values`]).
    Counted,
    /// The server could not count.
    Failed(Said),
}

impl AppState {
    /// Whether the open table's counts for `field` are needed, on their way or here.
    pub fn server_facet(&self, field: Field) -> ServerFacet {
        let Some(remote) = self.remote.as_ref().filter(|_| field != Field::File) else {
            return ServerFacet::NotAsked;
        };
        let condition = ch::filter::condition(&self.filter, &remote.address, Some(field));
        match remote.facets.get(&field) {
            Some((asked, answer)) if *asked == condition => match answer {
                None => ServerFacet::Counting,
                Some(Ok(_)) => ServerFacet::Counted,
                Some(Err(why)) => ServerFacet::Failed(why.clone()),
            },
            _ => ServerFacet::Needed,
        }
    }

    /// Asks the server to count `field`'s values under the current filter (once per filter).
    pub(in crate::app) fn count_facet(&mut self, field: Field) -> Vec<Effect> {
        if self.server_facet(field) != ServerFacet::Needed {
            return Vec::new();
        }
        let Some(remote) = self.remote.as_mut() else {
            return Vec::new();
        };
        let condition = ch::filter::condition(&self.filter, &remote.address, Some(field));
        remote.facets.insert(field, (condition.clone(), None));
        vec![Effect::CountFacet(CountFacet {
            address: remote.address.clone(),
            field,
            condition,
            rollup: remote.rollup,
            password: remote.password.clone(),
        })]
    }

    /// The server's counts for a facet: kept if they answer the question still asked.
    pub(in crate::app) fn facet_counted(&mut self, ask: &CountFacet, result: Option<FacetCounted>) {
        let Some(remote) = self.remote.as_mut().filter(|r| r.address == ask.address) else {
            return;
        };
        let Some((asked, answer)) = remote.facets.get_mut(&ask.field) else {
            return;
        };
        if *asked != ask.condition {
            return;
        }
        *answer = Some(result.unwrap_or_else(|| Err(Said::new("job-no-thread"))));
        self.facets = Default::default();
    }

    /// `field`'s values with an open table: the server's counts for the table, and the other
    /// files' own counts (the table's events in memory are only the last answer's).
    pub(in crate::app) fn table_facet_values(&self, field: Field) -> Option<Vec<FacetValue>> {
        let remote = self.remote.as_ref().filter(|_| field != Field::File)?;
        let mut local_filter = self.filter.clone();
        let others: std::collections::BTreeSet<String> = self
            .dataset
            .files
            .iter()
            .map(|f| f.path.clone())
            .filter(|p| *p != remote.address)
            .filter(|p| {
                self.filter
                    .facets
                    .get(&Field::File)
                    .is_none_or(|chosen| chosen.contains(p))
            })
            .collect();
        let mut values: Vec<FacetValue> = if others.is_empty() {
            Vec::new()
        } else {
            local_filter.facets.insert(Field::File, others);
            crate::model::filter::facet_counts(&self.dataset, &local_filter, field)
        };
        let condition = ch::filter::condition(&self.filter, &remote.address, Some(field));
        // Only counts made under the filter as it is now.
        if let Some((asked, Some(Ok(counts)))) = remote.facets.get(&field)
            && *asked == condition
        {
            for (value, n) in counts {
                let n = usize::try_from(*n).unwrap_or(usize::MAX);
                match values.iter_mut().find(|v| v.value == *value) {
                    Some(v) => v.count = v.count.saturating_add(n),
                    None => values.push(FacetValue {
                        value: value.clone(),
                        count: n,
                    }),
                }
            }
        }
        // A chosen value stays listed (to be un-chosen) when nothing has it any more.
        for chosen in self.filter.facets.get(&field).into_iter().flatten() {
            if !values.iter().any(|v| v.value == *chosen) {
                values.push(FacetValue {
                    value: chosen.clone(),
                    count: 0,
                });
            }
        }
        // Most first, then by name, "none" last (as for files).
        values.sort_by(|a, b| {
            (a.value.is_empty(), std::cmp::Reverse(a.count), &a.value).cmp(&(
                b.value.is_empty(),
                std::cmp::Reverse(b.count),
                &b.value,
            ))
        });
        Some(values)
    }
}
