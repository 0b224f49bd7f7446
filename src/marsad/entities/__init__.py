"""Entities: the NER tagger, the entity registry and linking of mentions to entities."""
