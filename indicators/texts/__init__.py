"""Every interface text, by area: each module holds a `TEXTS` dict (key -> {"fr", "nl", "en"}) that
`indicators.i18n` merges into its one table. Put a new area's texts in a module of its own."""
