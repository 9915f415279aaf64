"""One rule per module; each module defines `RULE`. The catalog finds them by listing this package."""
