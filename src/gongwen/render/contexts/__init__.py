"""Context builders, one module per document kind: case → the values its template shows."""
