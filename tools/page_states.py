"""States of the self-assessment, as share-link fragments (the answers a person gave, in the
URL after `#`): shared by the quality gates (accessibility, privacy) and the benchmark."""

from __future__ import annotations

STATES = {
    "empty": "",
    "partly answered": "nation=wales&profession=physiotherapist&modalities=xray,mri",
    "gaps": (
        "nation=england&profession=paramedic&practice_level=advanced&settings=primary-care"
        "&imaging_provider=other-organisation&modalities=xray&patients=adults&scope_written=draft"
        "&service_need=partly&irmer_training=expired&education=completed&competence=yes"
        "&supervisor=yes&results_plan=no&referral_guidelines=yes&audit_plan=yes"
    ),
    "ready": (
        "nation=scotland&profession=nurse&practice_level=advanced&settings=emergency-urgent"
        "&imaging_provider=same-organisation&modalities=xray&patients=adults&scope_written=yes"
        "&service_need=yes&irmer_training=current&education=completed&competence=yes"
        "&supervisor=yes&results_plan=yes&referral_guidelines=yes&audit_plan=yes"
    ),
    "blocked": "nation=northern-ireland&profession=not-registered",
}
