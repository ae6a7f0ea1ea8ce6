"""Open product catalogue for a town's Sociaal Huis: content model, checker, site and exports."""
