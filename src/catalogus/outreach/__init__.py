"""The proactive batch (`catalogus proactief`): households read as columns, each rule evaluated over them,
those entitled but not yet served invited by letter; opt-outs removed first, output never inside the project.
"""
