"""The words the red flags are found by: regular expressions over lower-cased text (with
straight apostrophes), and plain cues that must be present before they are tried.
coach.core.redflags reads a story with them; the flags themselves are in
coach.core.redflag_table; the words that negate a trigger or own it up as a caught mistake
are in coach.core.redflag_reading. A new phrasing that should (or should not) raise a flag
goes here, with a test in tests/core/test_core_redflags.py.
"""

from __future__ import annotations

_DIGITS = "0|1|2|3|4|5|6|7|8|9"
CUES = {
    name: tuple(tuple(group.split("|")) for group in groups)
    for name, groups in {
        "preprocessing": (
            "smote|adasyn|sampl|balanc|standardi|normali|min-max|minmax|z-scor|scal|imput"
            "|encod|pca|principal comp|tf-idf|tfidf|selected",
        ),
        "random split": (
            "random|shuffl|train_test_split",
            "split|hold|held|partition|sampl|test|valid|fold",
        ),
        "k-fold": ("fold|cross-valid|crossvalid|cross valid",),
        "test": (
            "test",
            "tun|search|optimi|stopp|chose|choos|pick|select|kept|keep|went with|decided"
            "|settled|use|using|compar|evaluat|ran |tried|best|highest|lowest|top",
        ),
        "all data": (
            "whole|entire|full|complete|all ",
            "tun|search|optimi|stopp|hyper|chose|choos|pick|select",
        ),
        "accuracy": ("accura",),
        "after outcome": (
            "cancel|churn|default|closure|closed|diagnos|discharge|readmission|leaving|left"
            "|fraud|outcome|label|loan|exit|chargeback|final|eventual|whether|prediction"
            "|scoring|cut-off|cutoff|snapshot|decision",
            "after|following|once|post|reason|code|date|flag|call|survey|interview|final"
            "|eventual|whether",
        ),
        "fraud inputs": ("refund|chargeback",),
        "score": ("auc|accura|f1|r2|r²|r-squared|perfect|100", "9|100|1.0|perfect"),
        "metric": (
            "auc|accura|precision|recall|f1|r2|r²|r-squared|rmse|mae|mape|mse|loss|brier|mrr"
            "|map@|ndcg|rate|wer|bleu|rouge|perplexity|iou|calibration|ctr",
            _DIGITS,
        ),
    }.items()
}
"""Plain substrings a sentence must hold, one of each group, before its rules' regular
expressions are tried: the checks run as the form is typed in and across the whole bank,
and finding plain text is a hundred times cheaper than trying a pattern."""

HIGH_SCORE = 0.98
"""An offline AUC, accuracy, F1 or R² at or above this (98%) is near-perfect. (The cues of
"score" above look for a 9, 100 or 1.0 first: lower this below 0.9 and change them too.)"""

# -- words shared by every flag ------------------------------------------------------------

WHOLE_DATA = (
    r"\b(?:(?:the|our|my)\s+)?(?:whole|entire|full|complete)\s+(?:data\s?set|data|corpus"
    r"|sample|table|history)\b|\ball\s+(?:of\s+)?(?:the\s+|our\s+)?(?:data|rows|records"
    r"|samples|examples|observations)\b"
)


# -- leaky-preprocessing -----------------------------------------------------------------

PREPROCESSING = (
    r"\b(?:smote\w*|adasyn|(?:over|under|up|down)-?sampl\w*|resampl\w*"
    r"|(?:re)?balanc(?:ed|ing)\s+(?:the\s+)?(?:classes|class|data\s?set|data|labels)"
    r"|standardi[sz]\w*|normali[sz]\w*|min-?max|z-?scor\w*|scalers?|feature scaling"
    r"|scal(?:ed|ing)\s+(?:(?:the|all|every|each|of|our)\s+){0,3}(?:features?|data|inputs?"
    r"|variables?|columns?|values|numeric\w*|predictors?)"
    r"|imput\w*|target[- ]encod\w*|mean[- ]encod\w*|pca|principal components?|tf-?idf"
    r"|feature selection|selected\s+(?:the\s+)?(?:top\s+)?(?:\d+\s+)?features)"
)
"""Resampling, or anything fitted on data (scalers, imputers, encoders, selection)."""

NOT_FITTED = {
    "sampl": r"\b(?:k?hz|hourly|daily|weekly|monthly|frequency|resolution|pixels?|per second)\b",
    "normali": r"\bnormali[sz]\w*\s+(?:the\s+)?(?:text|spelling|unicode|case|addresses"
    r"|names|units|currenc\w*|dates)",
    "imput": r"\b(?:zeros?|constant|-1|unknown|indicator|flag)\b",
}
"""Uses of those words that fit nothing on the data: pandas-style resampling to a
frequency, text normalisation, filling with a constant."""

SPLIT = (
    r"(?:split\w*|divid\w*|partition\w*|cross-?validat\w*|hold(?:ing)?[- ]?out|held[- ]out"
    r"|train(?:ing)?[- /](?:and[- ])?(?:test|validation)\b|folds?\b|test set)"
)
_ON_THE_WAY = (
    r"(?:(?:the|a|any|we|i|our|it|was|were|they|data|dataset|doing|making|creating|running"
    r"|ran|did|used|performed|applied|stratified|\d+-fold|k-fold)\s+){0,3}"
)
"""Words between 'before' or 'then' and the split: 'then ran 5-fold cross-validation'."""
BEFORE_SPLIT = r"\b(?:before|prior to|ahead of)\s+" + _ON_THE_WAY + SPLIT
THEN_SPLIT = (
    r"\b(?:then|afterwards|after that|later|next)\s+"
    + _ON_THE_WAY
    + SPLIT
    + r"|\band\s+(?:then\s+)?(?:split|divided|partitioned|held out|cross-validated)\b"
)
AFTER_SPLIT = (
    r"\b(?:after|once|following)\s+(?:(?:the|a|we|i|had|doing|making|our|data|it|was)\s+){0,3}"
    + SPLIT
)
TRAINING_ONLY = (
    r"\bonly\s+(?:on|to|in|within|inside)\s+(?:the\s+|each\s+|every\s+)?(?:train\w*|folds?)"
    r"|\b(?:on|to|in|within|inside|from)\s+(?:the\s+|each\s+|every\s+)?train(?:ing)?"
    r"(?:\s+(?:set|data|split|folds?|portion|rows|part|partition))?\b"
    r"|\b(?:inside|within|in)\s+(?:each|every)\s+(?:training\s+)?(?:fold|split)"
    r"|\bpipelines?\b|\bfit(?:ted)?\s+(?:only\s+)?on\s+(?:the\s+)?train\w*"
)
"""Said of the fitting, these make it clean whatever else the sentence says."""

# -- random-split-on-time / -on-entities ------------------------------------------------

RANDOM_SPLIT = (
    r"\btrain_test_split\b"
    r"|\brandom(?:ly)?\s+(?:(?:\d+\s?/\s?\d+|\d+%|\d+-\d+|train(?:ing)?[-/ ](?:and[- ])?test"
    r"|holdout|hold-out|validation|test|row-level|stratified|the|a|an|of|our)\s+){0,3}"
    r"(?:split\w*|holdout|hold-out|held[- ]out|partition\w*"
    r"|sampl\w* of (?:the )?(?:rows|records|data))"
    r"|\bsplit\w*\s+(?:(?:the|our|data|dataset|rows|records|transactions|it|them|\d+\s?/\s?\d+"
    r"|into|train(?:ing)?|and|test|sets?|\d+-\d+)\s+){0,5}(?:at random|randomly)"
    r"|\bshuffl\w*\b[^.;]{0,40}\b(?:split|cross-?validat\w*|folds?)\b"
    r"|\b(?:k-?fold|\d+-fold|cross-?validat\w*)\b[^.;]{0,40}\bshuffl\w*|shuffle\s*=\s*true"
    r"|\brandomly\s+(?:sampled|selected|picked|chose|chosen|assigned|held)\b[^.;]{0,40}"
    r"\b(?:test|validation|hold)"
)
EXPERIMENT = (
    r"\ba/b\b|\bab test|\bcontrol\b|\btreatment\b|\barms?\b|\bexperiment\w*|\btraffic\b"
    r"|\brandomi[sz]ed\s+(?:test|trial|controlled)|\brct\b"
)
"""Randomisation in an A/B test is right: not a train/test split."""

UNIT = (
    r"(?:time|date|day|week|month|quarter|year|customer|user|patient|account|person|store"
    r"|session|group|entity|household|device|merchant|member|driver|subject|speaker|id)s?"
)
SPLIT_DONE_RIGHT = (
    r"\b(?:by|per|on|across)\s+(?:(?:the|each|a)\s+)?" + UNIT + r"\b"
    r"|\bshuffle\s*=\s*false|\bgroup\w*[- ]?(?:k-?fold|split|shuffle)"
    r"|\btime[- ]?(?:based|ordered|aware)|\btime[- ]series (?:cross|split|cv|folds?)"
    r"|\bblocked|\bpurged"
    r"|timeseriessplit|\bchronolog\w*|\bout[- ]of[- ]time|\btemporal\w*|\bwalk[- ]forward"
    r"|\brolling|\bexpanding[- ]window|\bbacktest\w*"
    r"|\b(?:last|latest|final|most recent|later)\s+(?:\w+\s+){0,2}(?:days?|weeks?|months?"
    r"|quarters?|years?)\b|\bnever appear\w* in both"
)
FORECASTING = r"\b(?:forecast\w*|time[- ]series)\b"
"""Stories about predicting the future from the past, where even plain k-fold
cross-validation trains on the future."""
K_FOLD = r"\bk-?fold\b|\b\d+-fold\s+(?:cross|cv|split|valid|stratified)|\bcross-?validat\w*"
"""Cross-validation, not a '3-fold increase'."""
TIME_ORDERED = (
    r"\b(?:forecast\w*|time[- ]series|time[- ]ordered|churn\w*|fraud\w*|transactions?"
    r"|seasonal\w*|lag(?:s|ged)?|sequences?|demand|histor(?:y|ical)|future"
    r"|(?:daily|weekly|monthly|hourly|quarterly|yearly|annual)\s+(?:sales|data|demand|volumes?"
    r"|snapshots?|prices?|orders|traffic|revenue|usage|readings?)"
    r"|next\s+(?:hour|day|week|month|quarter|year|\d+\s+(?:days|weeks|months))"
    r"|(?:months|years|weeks|days|quarters)\s+of\s+(?:data|history|logs|sales|transactions"
    r"|records|usage|readings)"
    r"|over\s+(?:the\s+)?(?:past\s+|last\s+)?(?:\d+|two|three|four|five|six|twelve|eighteen"
    r"|several|many)\s+(?:months|years|weeks|quarters))\b"
)
ENTITY = (
    r"patients?|users?|customers?|accounts?|members?|drivers?|students?|players?|households?"
    r"|devices?|merchants?|sellers?|buyers?|subjects?|speakers?|shoppers?|visitors?|riders?"
    r"|employees?|machines?|vehicles?"
)
EVENTS = (
    r"sessions?|visits?|scans?|images?|x-rays?|photos?|admissions?|encounters?|transactions?"
    r"|orders?|purchases?|clicks?|events?|records?|readings?|recordings?|utterances?|claims?"
    r"|calls?|tickets?|notes?|trips?|rides?|games?|measurements?|reviews?|messages?|rows?"
)
ONE_ENTITY = rf"\b(?:{ENTITY})\b"
REPEATED_ENTITY = (
    rf"\b(?:{ENTITY})\b[^.;]{{0,60}}\b(?:{EVENTS})\b"
    rf"|\b(?:{EVENTS})\b[^.;]{{0,60}}\b(?:{ENTITY})\b"
    rf"|\b(?:each|every|the same)\s+(?:{ENTITY})\b[^.;]{{0,40}}\b(?:several|multiple|many"
    r"|repeat\w*|again|more than once|times)\b"
)
"""Many rows per person or thing: a random split puts the same one on both sides."""

# -- tuned-on-test -------------------------------------------------------------------------

TEST_DATA = (
    r"(?:test|testing)[- ](?:set|data|split|fold|sample|scores?|results?|accuracy|auc"
    r"|performance|metrics?)\b"
)
TUNING = (
    r"\b(?:(?:fine-)?tun(?:e|ed|ing)|grid[- ]search\w*|random(?:ized)? search"
    r"|bayesian optimi[sz]\w*|hyper-?parameter (?:search|sweep|optimi[sz]ation)"
    r"|early[- ]stopp\w*|optimi[sz](?:e|ed|ing)\s+(?:the\s+)?(?:hyper-?parameters|threshold"
    r"|settings|cut-?off))"
)
CHOOSING = (
    r"\b(?:chose|choose|chosen|picked|pick|selected|select|kept|keep|went with|decided on"
    r"|settled on)\s+(?:(?:the|a|our|my|which|between)\s+)?(?:best|winning|winner|final|top"
    r"|models?|thresholds?|features?|configurations?|config|settings|variants?|checkpoints?"
    r"|epochs?|versions?|one|architecture|hyper-?parameters|cut-?off)"
)
NOT_THE_SAME_STEP = (
    r"\band\s+(?:the|a|an|our|my|it|i|we|then)\b|\b(?:then|but|train\w*|validat\w*|dev"
    r"|report\w*|evaluat\w*|measur\w*|final|once|after|not|never|nothing|no)\b"
)
"""Words between 'tuned' and 'on the test set' that make them two separate steps."""
HELD_OUT_ELSEWHERE = (
    r"\b(?:test|testing)[- ](?:set|data|split|period|months?|weeks?)\b|\bheld[- ]out"
    r"|\bhold[- ]?out|\blocked away|\bnever (?:seen|saw|used|touched)|\buntouched"
    r"|\bout[- ]of[- ]time|\bfinal check"
)

TUNED_ON_TEST = (
    rf"(?:{TUNING}|{CHOOSING})(?:(?!{NOT_THE_SAME_STEP})[^,;.]){{0,80}}?"
    rf"\b(?:on|using|against|with|by|from|over)\s+(?:(?:the|our|my|a|its|their)\s+)?{TEST_DATA}"
    rf"|\b(?:used|using|use)\s+(?:the\s+|our\s+)?{TEST_DATA}\s+(?:to|for)\s+(?:tun\w*"
    r"|choos\w*|pick\w*|select\w*|decid\w*|early[- ]stopp\w*|set(?:ting)?\s+the\s+threshold)"
    rf"|(?:{TUNING}|{CHOOSING})[^.;]{{0,60}}\b(?:best|highest|lowest|top)\s+test"
    r"(?:[- ]set)?\s+(?:scores?|auc|accuracy|f1|results?|performance|loss|error|rmse|mape"
    r"|metrics?)"
    r"|\b(?:compar\w*|evaluat\w*|ran|tried|tested)\s[^,;.]{0,60}\b(?:on|using|against)\s+"
    rf"(?:the\s+)?{TEST_DATA}\s+(?:and|then)\s+(?:then\s+)?(?:chose|picked|selected|kept"
    r"|went with)"
)
"""Tuned or chose on the test set: 'tuned the depth on the test set', 'used the test set
to pick the threshold', 'kept the model with the best test AUC'."""
CROSS_VALIDATION = rf"{TUNING}|{K_FOLD}"
CHOSE_SOMETHING = (
    rf"{TUNING}|hyper-?parameters?|\b(?:chose|picked|selected|select|choose)\s+(?:the\s+)?"
    r"(?:best\s+|final\s+|winning\s+)?model"
)
"""Cross-validation on all the data is a flag when it chose something."""

# -- accuracy-on-rare-positives -----------------------------------------------------------

ACCURACY = r"\baccura(?:cy|te)\b"
NOT_MODEL_ACCURACY = frozenset(
    "balanced label labels labelling labeling data annotation annotator forecast forecasting"
    " location transcription address geocoding".split()
)
"""The word before 'accuracy' when it is not the model's headline score."""
HEADLINE = (
    r"\d|\b(?:optimi[sz]\w*|judg\w*|measur\w*|evaluat\w*|report\w*|track\w*|metric|targets?"
    r"|goal|headline|main|key|reached|achieved|hit)\b"
)
ACCURACY_DISMISSED = (
    r"\baccura\w*\s+(?:\w+\s+){0,3}?(?:is|was|would be|would have been|can be|looks?"
    r"|looked|means?|meant)\s+(?:\w+\s+){0,2}?(?:misleading|meaningless|useless|wrong|trivial"
    r"|pointless|deceptive|a trap|little|nothing)"
    r"|\b(?:predict\w*|says?|flag\w*|label\w*|guess\w*)\s+(?:no|nothing|none|every\w*|all"
    r"|only)\b|\bmajority class|\balways (?:predict|say)|\bdummy|\btrivial model"
)
RARE_AWARE_METRICS = (
    r"\b(?:recall|precision|f1|f-score|pr-?auc|roc-?auc|auc|auprc|average precision"
    r"|false (?:positive|negative)s?|catch rate|detection rate|hit rate|lift|top[- ]decile"
    r"|sensitivity|specificity|tpr|fpr|kappa|mcc)\b"
)
RARE_POSITIVES = (
    r"\b(?:fraud\w*|churn\w*|defect\w*|anomal\w*|rare|imbalanc\w*|unbalanced|minority class"
    r"|skewed (?:classes|labels)|chargebacks?|intrusions?|click-through|ctr|conversions?)\b"
    r"|(?<!by )\bdefault(?:s|ed|ing)?\b(?! (?:settings|values|parameters))"
    r"|\bonly\s+(?:about\s+|around\s+|some\s+)?\d+(?:\.\d+)?\s?%"
    r"|\b(?:1|one) in (?:a )?(?:\d[\d,]*|hundred|thousand|million)\b"
    r"|\b\d+(?:\.\d+)?\s?%\s+(?:of\s+)?(?:\w+\s+){0,2}(?:positives?|positive class)\b"
)

# -- future-features -----------------------------------------------------------------------

OUTCOME = (
    r"(?:cancel\w*|churn\w*|default(?:ed|ing)?|closure|diagnosis|discharge|readmission|leaving"
    r"|(?:the\s+)?(?:customer|user|patient|borrower|account|member|subscriber|client)s?\s+"
    r"(?:had\s+)?(?:left|churned|cancell?ed|defaulted|closed)"
    r"|(?:they|he|she)\s+(?:had\s+)?(?:left|churned|cancell?ed|defaulted)"
    r"|the\s+(?:fraud|outcome|diagnosis|discharge|cancellation|churn|default|label)"
    r"|the\s+loan\s+(?:defaulted|was written off))"
)
AFTER_OUTCOME = (
    r"\b(?:after|following|once)\s+(?:(?:the|a|their|his|her)\s+)?" + OUTCOME + r"\b"
    r"|\bpost[- ](?:cancellation|churn|default|diagnosis|outcome|discharge|fraud|chargeback"
    r"|exit)\b"
    r"|\b(?:cancellation|churn|exit|closure|leaving|default)[- ](?:reasons?|codes?|dates?"
    r"|flags?|calls?|surveys?|interviews?)\b"
    r"|\b(?:final|eventual)\s+(?:grade|outcome|status|diagnosis|decision)\b"
    r"|\bwhether\s+(?:the\s+)?(?:\w+\s+){0,2}(?:later|eventually|went on to)\s+\w+"
    r"|\bafter\s+the\s+(?:prediction|scoring|cut-?off|snapshot|decision)\s+(?:date|time|point"
    r"|moment)\b"
)
AFTER_OUTCOME_IN_FRAUD = (
    r"\brefunds?\s+(?:issued|given|paid|status|flags?)|\brefunded\b|\bchargebacks?\b"
)
"""Known only once a payment is judged: an input only in a fraud story, never a label."""
USED_AS_INPUT = (
    r"\b(?:features?|inputs?|variables?|columns?|fields?|signals?|predictors?|attributes?"
    r"|used|using|include\w*|added|derived|engineered|counts?|number of|flags?|fed|based on)\b"
)
STRICT_INPUT = r"\b(?:features?|inputs?|variables?|columns?|signals?|predictors?|attributes?)\b"
KNOWN_IN_TIME = (
    r"\bpoint[- ]in[- ]time|\bknown (?:at|by|before)|\bavailable (?:at|by|before)"
    r"|\bat prediction time|\bat the time of|\bas of\b|\blabels?\b"
    r"|\btargets?\b|\bground truth"
)

FEATURE_FIELDS = frozenset({"features", "data"})
"""Fields where whatever is named is an input."""
TRAINING_TALK = r"\b(?:model|trained|training)\b"

# -- too-good-offline / no-baseline --------------------------------------------------------

# fmt: off
SCORE_METRICS = {
    "roc-auc": "ROC-AUC", "roc auc": "ROC-AUC", "auroc": "AUC", "auc-roc": "AUC", "auc": "AUC",
    "accuracy": "accuracy", "accurate": "accuracy",
    "f1-score": "F1", "f1 score": "F1", "f1": "F1", "r²": "R²", "r2": "R²", "r-squared": "R²",
}
# fmt: on
"""Higher-is-better scores that near 1 only when something is off (or the task is easy)."""
_SCORE_NAME = "|".join(name.replace("-", r"\-") for name in SCORE_METRICS)
SCORE_THEN_VALUE = (
    rf"\b(?P<metric>{_SCORE_NAME})(?![\w-])(?P<gap>[^\d.;,()]{{0,30}}?)"
    r"(?P<num>\d+(?:\.\d+)?)\s*(?P<pct>%|percent)?"
)
VALUE_THEN_SCORE = (
    r"(?<![\w.])(?P<num>\d+(?:\.\d+)?)\s*(?P<pct>%|percent)?\s+(?:(?:test|offline|validation"
    rf"|holdout|cross-validated|cv|mean|average|overall)\s+)?(?P<metric>{_SCORE_NAME})(?![\w-])"
)
NOT_A_SCORE_GAP = r"\b(?:by|from|top|within|than|points?|in)\b|@"
"""'accuracy rose by 2%', 'AUC in the top 10%': the number is not the score."""
ON_TRAINING_DATA = r"\btrain(?:ing)?\b"
"""A score on the training data: high, and no claim about new data."""
PERFECT = r"\b(?:perfect|100\s?%)\s+(?P<metric>accura\w*|auc|f1|recall|precision)"
LIVE = (
    r"\ba/b\b|\bab test|\bonline\b|\bin production\b|\blive\b|\bpilot\w*|\blaunch\w*"
    r"|\brolled out|\bdeployed|\bshadow mode|\breal (?:traffic|users|customers)|\bin the field"
    r"|\brandomi[sz]ed (?:test|trial)|\bexperiment\w*|\bsince (?:then|go-live)"
)
LIVE_RESULT = (
    r"\d|\b(?:rose|fell|dropped|cut|increased|reduced|saved|flopped|failed|broke|held up"
    r"|matched|degrad\w*|decay\w*|improved|lifted|doubled|halved|tripled|terribl\w*)\b"
)
NOT_YET = r"\b(?:not yet|no|none|never|n/a|tbd)\b|n't\b"
"""An online-metrics field that says there is no live result yet."""
METRIC = (
    r"\b(?:roc-?auc|pr-?auc|auc|auroc|auprc|accuracy|accurate|precision|recall|f1|r2|r²"
    r"|r-squared|rmse|mae|w?mape|smape|mse|log[- ]?loss|brier|mrr|map@\d+|ndcg(?:@\d+)?|hit rate"
    r"|error rate|wer|bleu|rouge\S*|perplexity|m?iou|calibration error|ctr"
    r"|click-through rate|conversion rate)\b"
)
VALUE = r"(?<![\w@-])\d"
"""A number on its own, not the digit of a name (L2, S3, top-10, @10)."""
SURE_COMPARISON = ("baseline", "benchmark", "against", "versus", "compar", "outperform")
"""Plain words that settle that a story compares (COMPARISON finds the rest)."""
COMPARISON = (
    r"\bbaselines?\b|\bbenchmark\w*|\b(?:better|worse|higher|lower|faster|slower|ahead)"
    r" than\b|\bagainst\b|\bvs\.?\b|\bversus\b|\bcompar\w*|\bold (?:system|model|rules?"
    r"|process|approach|method|version|way|forecasts?)|\bexisting\b|\bprevious\b|\bprior "
    r"(?:model|system|version)|\bincumbent|\bcurrent (?:system|model|rules?|process)"
    r"|\b(?:worse|slower|weaker|outperform\w*)\b|\bfirst (?:model|version|attempt)\b"
    r"|\b(?:predict\w*|says?|flag\w*|guess\w*)\s+(?:no|nothing|none|every\w*|all)\b"
    r"|\balways (?:predict|say)|\bdummy|\bheuristic\w*|\brule[- ]based|\brules?\b"
    r"|\bcontrol (?:group|arm)|\brandom (?:guess\w*|ranking|chance)|\bnaive\b"
    r"|\bmajority class|\bbeat\b|\boutperform\w*"
    r"|\bimprov\w* (?:on|over|from)|\b(?:up|down) from\b|\buplift|\blift\b|\brelative"
    r"|\bfrom\s+\S*\d\S*\s+to\s+\S*\d"
    r"|\b(?:rose|fell|grew|dropped|increased|decreased|reduced|cut|improved|went (?:up|down)"
    r"|up|down|gained|lost)\s+(?:by\s+)?(?:about\s+|around\s+)?\d"
)

# -- we-not-i ------------------------------------------------------------------------------

WE_WORDS = r"\b(?:[Ww]e|[Ww]e're|[Ww]e've|[Ww]e'd|[Ww]e'll|[Oo]ur|[Oo]urs|[Oo]urselves|us)\b"
"""Lower-case 'us' only: 'US' is a country."""
I_WORDS = r"(?<![\w'/.-])I(?![\w/-])|\b(?:[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)\b"
"""Capital 'I' only, not in 'I/O' or 'i.e.'."""
ACTION_FIELDS = frozenset({"action", "actions"})
