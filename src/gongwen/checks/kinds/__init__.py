"""One module per kind of check; each module's docstring is its documentation.

A kind module has `PARAMS` (the cerberus schema of its rule parameters), `check(doc, rule,
ctx)` yielding `checks.context.Hit`s, and optionally `SCOPE` ("document", "batch", "input")
and `validate(params, fonts)` for what a schema cannot say. `checks.registry` lists them.
"""
