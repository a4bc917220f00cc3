"""The concepts `coach match` knows: of ML work (churn, fraud, forecasting...), of a
project's story (leakage, messy data, a simpler model...) and of behavioural questions
(conflict, failure, learning fast...), each with the words and phrases that say it."""

from __future__ import annotations


def _terms(text: str) -> tuple[str, ...]:
    return tuple(term.strip() for term in text.split(",") if term.strip())


CONCEPTS: dict[str, tuple[str, tuple[str, ...]]] = {
    # the problem a model solved
    "churn": (
        "churn",
        _terms(
            "churn, churned, churning, cancel, cancellation, cancelling, attrition, retention, "
            "retain, retained, customers leave, customers leaving, users leave, users leaving, "
            "who leave, who left, left the service, quit, quitting, unsubscribe, "
            "stop using, stopped using, walk away, lapse, lapsed, renewal, renew, win back"
        ),
    ),
    "fraud": (
        "fraud",
        _terms(
            "fraud, fraudulent, fraudster, fraudsters, scam, scams, chargeback, chargebacks, "
            "stolen card, suspicious transaction, suspicious payment, money laundering, fake "
            "account, fake accounts, abuse, card fraud, payment fraud"
        ),
    ),
    "payments": (
        "payments",
        _terms("payment, payments, transaction, transactions, card, cards, checkout, merchant"),
    ),
    "forecast": (
        "forecasting",
        _terms(
            "forecast, forecasting, forecasts, demand, time series, seasonality, seasonal, "
            "stock, stockout, stock-out, inventory, replenishment, how much to order, order the "
            "right amount, sales volume, future sales, sales, grocery, supermarket, "
            "retail, waste, spoilage"
        ),
    ),
    "search": (
        "search ranking",
        _terms(
            "search, searches, ranking, rank, ranked, ranker, relevance, relevant results, "
            "results page, retrieval, rerank, reranking, learning to rank, ndcg, query, queries"
        ),
    ),
    "recommendation": (
        "recommendations",
        _terms(
            "recommendation, recommendations, recommender, recommend, recommended, "
            "personalization, personalisation, personalized, personalised, collaborative "
            "filtering, suggestions, you might like, next best"
        ),
    ),
    "pricing": (
        "pricing",
        _terms(
            "pricing, price, prices, priced, elasticity, discount, discounts, dynamic pricing, "
            "markdown, markdowns, charge, what to charge, rates, room rate, "
            "nightly rate"
        ),
    ),
    "nlp": (
        "text and language",
        _terms(
            "nlp, natural language, text, texts, language model, llm, llms, sentiment, bert, "
            "transformer, transformers, chatbot, documents, emails, tickets, "
            "tokenization, tokenizer, named entity, translation"
        ),
    ),
    "vision": (
        "images and vision",
        _terms(
            "image, images, vision, computer vision, photo, photos, picture, pictures, camera, "
            "video, cnn, object detection, pixel, pixels, defect, defects, inspection, "
            "production line, assembly line, conveyor"
        ),
    ),
    "marketing": (
        "marketing",
        _terms(
            "marketing, campaign, campaigns, advertising, ads, click-through, ctr, "
            "conversion, conversions, uplift, targeting, audience targeting"
        ),
    ),
    "credit": (
        "credit risk",
        _terms("credit, loan, loans, default risk, underwriting, lending, borrower, borrowers"),
    ),
    "health": (
        "health",
        _terms("patient, patients, clinical, hospital, medical, diagnosis, disease"),
    ),
    "anomaly": (
        "anomalies",
        _terms("anomaly, anomalies, anomalous, outlier, outliers, unusual behaviour"),
    ),
    "segmentation": (
        "segments",
        _terms("segmentation, segment, segments, clustering, clusters, cohort, cohorts, persona"),
    ),
    # what a project's story tells of
    "experiment": (
        "A/B test",
        _terms(
            "a/b, a/b test, ab test, experiment, experiments, randomized, randomised, control "
            "group, treatment group, split test, live test, online test, controlled test, "
            "controlled experiment, holdout group, significance, significant"
        ),
    ),
    "leakage": (
        "leakage",
        _terms(
            "leakage, leak, leaked, leaking, leaky, too good to be true, future information, "
            "point in time, point-in-time, look-ahead"
        ),
    ),
    "data_quality": (
        "messy data",
        _terms(
            "messy, dirty, noisy, noise, missing, incomplete, inconsistent, inconsistently, "
            "data quality, cleaning, clean up, cleaned, duplicates, duplicated, mislabeled, "
            "mislabelled, bad data, garbage, broken data, gaps, holes, imputation, impute, arrived "
            "late, unreliable"
        ),
    ),
    "scale": (
        "data at scale",
        _terms(
            "large dataset, huge dataset, big data, at scale, scale, scaling, terabytes, "
            "billions, millions of rows, distributed, spark, out of memory, ran out of memory, "
            "parallel, hadoop"
        ),
    ),
    "baseline": (
        "a simpler model",
        _terms(
            "baseline, simpler, simplest, simple model, simple rule, logistic regression, linear "
            "model, heuristic, heuristics, rule-based, existing rule, old rules"
        ),
    ),
    "model_choice": (
        "choosing a model",
        _terms(
            "alternatives, alternative, compared, comparing, chose, choose, choice, trade-off, "
            "tradeoff, trade-offs, which model, model selection, candidates"
        ),
    ),
    "metric": (
        "metrics",
        _terms(
            "metric, metrics, precision, recall, auc, roc-auc, f1, accuracy, rmse, mape, "
            "evaluation, evaluate, evaluated, measure, measured, success criteria, kpi, kpis"
        ),
    ),
    "deployment": (
        "production",
        _terms(
            "production, deploy, deployed, deployment, launch, launched, shipped, ship, "
            "serving, served, live, rollout, rolled out, in the wild"
        ),
    ),
    "latency": (
        "speed",
        _terms(
            "latency, milliseconds, millisecond, response time, real-time, real time, too slow, "
            "slow, faster, throughput, inference cost, budget of"
        ),
    ),
    "drift": (
        "monitoring and drift",
        _terms(
            "drift, drifted, monitoring, monitor, monitored, degrade, degraded, decay, "
            "distribution shift, data shift, shifted, retrain, retrained, retraining"
        ),
    ),
    "tuning": (
        "tuning",
        _terms(
            "tuning, tune, tuned, hyperparameter, hyperparameters, optimize, optimized, "
            "optimise, optimised, optimization, grid search, random search, speed up"
        ),
    ),
    "impact": (
        "impact",
        _terms(
            "impact, revenue, cost savings, cost, costs, profit, dollars, million, "
            "business value, bottom line, proud"
        ),
    ),
    "challenge": (
        "a hard problem",
        _terms(
            "challenge, challenges, challenging, hard, hardest, difficult, difficulty, "
            "toughest, tough, obstacle, obstacles, tricky, complex"
        ),
    ),
    "insight": (
        "a finding",
        _terms(
            "finding, findings, insight, insights, discovered, discovery, surprising, "
            "surprise, unexpected, counterintuitive"
        ),
    ),
    "explain": (
        "explaining",
        _terms(
            "explain, explained, explaining, explanation, non-technical, nontechnical, "
            "audience, present, presented, presentation, executives, plain language, plain "
            "english, communicate, communicated, communication, visualization, dashboard, "
            "storytelling, layman"
        ),
    ),
    "fairness": (
        "fairness",
        _terms("fairness, fair, bias, biased, ethical, ethics, privacy, discrimination"),
    ),
    # behavioural themes
    "conflict": (
        "conflict",
        _terms(
            "disagree, disagreed, disagreement, disagreements, conflict, conflicts, pushed "
            "back, push back, pushback, argue, argued, argument, objected, objection, tension, "
            "friction, clash, clashed, dispute, escalate, escalated, escalating, did not agree, "
            "didn't agree, different opinion, different opinions, at odds, butted heads"
        ),
    ),
    "failure": (
        "failure",
        _terms(
            "fail, failed, failing, failure, failures, mistake, mistakes, went wrong, go "
            "wrong, broke, broken, flopped, setback, underperformed, underperforming, rolled "
            "back, roll back, incident, postmortem, post-mortem, outage, did not work, didn't "
            "work, regret, fell short, fall short, backfired"
        ),
    ),
    "learning": (
        "learning fast",
        _terms(
            "learn, learned, learnt, learning, new tool, new technique, new language, new "
            "framework, new library, unfamiliar, never used, picked up, pick up, taught "
            "myself, teach myself, course, ramp up, ramped up, up to speed, self-taught, "
            "crash course, documentation, tutorial, tutorials"
        ),
    ),
    "feedback": (
        "feedback",
        _terms(
            "feedback, criticism, criticized, criticised, critique, critical review, told me, "
            "pointed out, code review, constructive"
        ),
    ),
    "ownership": (
        "ownership",
        _terms(
            "ownership, owned, took charge, take charge, initiative, responsibility, "
            "responsible, accountable, volunteered, stepped in, step up, stepped up, nobody "
            "owned, no one owned, end to end, end-to-end, start to finish, from scratch, "
            "drove, beyond my role"
        ),
    ),
    "influence": (
        "influence",
        _terms(
            "influence, influenced, persuade, persuaded, convince, convinced, advocate, "
            "advocated, buy-in, won over, win over, skeptic, skeptical, sceptical, skepticism, "
            "doubt, doubted, doubts, without authority, champion, championed, make the case, "
            "made the case, sell the idea"
        ),
    ),
    "mentoring": (
        "mentoring",
        _terms(
            "mentor, mentored, mentoring, coach, coached, coaching, teach, taught, junior, "
            "juniors, onboard, onboarding, intern, interns, new hire, new hires, new joiner, "
            "new joiners, graduate, find their feet, pair programming"
        ),
    ),
    "leadership": (
        "leadership",
        _terms("led, lead, leader, leadership, leading, managed, manage, team lead, directed"),
    ),
    "collaboration": (
        "collaboration",
        _terms(
            "collaborate, collaborated, collaboration, cross-functional, cross-team, partner, "
            "partnered, engineers, product manager, stakeholder, stakeholders, designers, "
            "other teams, another team, colleague, colleagues, teammate, teammates, together"
        ),
    ),
    "deadline": (
        "deadline pressure",
        _terms(
            "deadline, deadlines, tight timeline, time pressure, under pressure, urgent, "
            "urgently, rush, rushed, crunch, short notice, launch date, days to, "
            "ran out of time, time-boxed, against the clock, days left, few days, race "
            "against time"
        ),
    ),
    "prioritization": (
        "priorities",
        _terms(
            "prioritize, prioritise, prioritized, prioritised, priority, priorities, "
            "competing, juggle, juggling, scope, descoped, cut scope, backlog, trade off"
        ),
    ),
    "ambiguity": (
        "ambiguity",
        _terms(
            "ambiguous, ambiguity, unclear, vague, undefined, uncertain, uncertainty, "
            "open-ended, ill-defined, no clear, not clear, not sure, no spec, unknowns"
        ),
    ),
    "decision": (
        "a judgement call",
        _terms(
            "decision, decisions, decide, decided, judgment, judgement, judgement call, made "
            "a call, incomplete data, incomplete information, limited data, partial data, "
            "without all, missing information, information was missing, not enough "
            "information, partial information, assumption, assumptions, bet"
        ),
    ),
}
"""Each concept: its label (how `why` names it) and its terms, single words or phrases."""

BROAD = frozenset({"collaboration", "leadership", "deployment", "metric", "challenge", "impact"})
"""Concepts nearly every story tells of: in a typed question they weigh as a signal, and
the question is about them only when it names nothing more specific."""
