"""What canonical URLs drop: tracking parameters and AMP markers (data, not logic)."""

# Query parameters that only track the reader or the campaign, never select the page.
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
        "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok",
        "ref", "ref_src", "ref_url", "referrer", "cmpid", "ocid", "ncid", "icid",
        "spm", "share", "via", "s_cid", "ito", "xtor",
        "amp", "outputtype", "usqp",
    }
)  # fmt: skip
TRACKING_PREFIXES = ("utm_", "at_", "pk_", "mtm_", "hsa_", "vero_", "oly_")

# Values of the parameters above that mark an AMP rendering (``?outputType=amp``) are
# dropped with their parameter; these path pieces mark it too.
AMP_PATH_SEGMENTS = frozenset({"amp", "amp.html"})
AMP_SUFFIXES = (".amp.html", ".amp")
# Hosts that serve the same report in another rendering (AMP, mobile).
ALTERNATE_HOST_PREFIXES = ("www.", "amp.", "m.", "mobile.")
AMP_CACHE_SUFFIX = ".cdn.ampproject.org"
