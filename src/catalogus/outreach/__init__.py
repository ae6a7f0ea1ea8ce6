"""The proactive batch (`catalogus proactief`): households read as columns, each rule evaluated over them,
those entitled but not yet served invited by letter; opt-outs removed first, output never inside the project.

table.py reads a CSV file as columns, households.py checks and types the cells, grouping.py evaluates one product
over all households, batch.py runs every product and reports, letters.py writes the output; command.py is the CLI.
"""
