"""Quiz questions drawn fresh on every attempt, answer parsing and feedback."""
