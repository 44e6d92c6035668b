"""Standards codes (4.NF.A.1, K.CC.4, 6.RP.A.3a, MP.1), as tasks and cycles write them."""

import re

MAX_STANDARDS = 12
# Common Core style: grade, domain, optional cluster letter, standard, optional part
# (4.NF.A.1, K.CC.4, 6.RP.A.3a), or a mathematical practice (MP.1 to MP.8). ASCII only.
STANDARD = re.compile(r"(?:[K1-8]\.[A-Z]{1,4}(?:\.[A-Z])?\.[0-9]{1,2}[a-z]?|MP\.?[1-8])", re.ASCII)
SEPARATORS = re.compile(r"[\s,;]+")


def normalised_standard(word: str) -> str | None:
    """4.nf.a.1 → 4.NF.A.1 and 6.rp.a.3A → 6.RP.A.3a; None when it is no standard code."""
    upper = word.upper()
    for candidate in (upper, upper[:-1] + upper[-1:].lower()):
        if STANDARD.fullmatch(candidate):
            return candidate
    return None


def parse_standards(text: str | None) -> list[str]:
    """Codes in the order written, without repeats; ValueError naming the first bad one."""
    codes: list[str] = []
    for word in SEPARATORS.split(text or ""):
        if not word:
            continue
        code = normalised_standard(word)
        if code is None:
            shown = word if len(word) <= 30 else word[:30] + "…"
            raise ValueError(f"“{shown}” is not a standard code like 4.NF.A.1.")
        if code not in codes:
            codes.append(code)
    if len(codes) > MAX_STANDARDS:
        raise ValueError(f"At most {MAX_STANDARDS} standards.")
    return codes
