"""``python -m respassess.cli``: the same as the ``respassess`` console script."""

from . import main

main()
