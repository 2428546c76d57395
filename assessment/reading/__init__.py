"""The reading layer: the rules and employer profiles read from TOML, checked key by key
and proved reachable (with the engine's own settling), into the model's frozen records.
`loader.load_rules` is the one place that finds the package's own rules folder."""
