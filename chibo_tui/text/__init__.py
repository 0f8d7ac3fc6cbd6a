"""Every user-facing Vietnamese string, one module per area of the app."""
