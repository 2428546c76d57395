"""The renderers layer: a result view (or the engine's result, for the specification's
JSON) turned into what a person takes away: Markdown and text checklists, the Word pack and
decision record (with the standard-library Word writer), and the page's and review's data."""
