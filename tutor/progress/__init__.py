"""The learner's saved state: one versioned JSON file, written atomically, never lost."""
