"""Page objects: one per known site (the site layer) plus a generic one for any markup."""
