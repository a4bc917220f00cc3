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
            "stop using, stopped using, walk away, lapse, lapsed, renewal, renew, win back, "
            "subscriber, subscribers, subscription, subscriptions, competitor, competitors, "
            "switch provider, switched provider, stop paying, stopped paying, drop off"
        ),
    ),
    "fraud": (
        "fraud",
        _terms(
            "fraud, fraudulent, fraudster, fraudsters, scam, scams, chargeback, chargebacks, "
            "stolen card, suspicious transaction, suspicious payment, money laundering, fake "
            "account, fake accounts, abuse, card fraud, payment fraud, bogus, illegitimate, "
            "counterfeit, account takeover, stolen, suspicious, impostor, dodgy"
        ),
    ),
    "payments": (
        "payments",
        _terms(
            "payment, payments, transaction, transactions, card, cards, checkout, merchant, "
            "purchase, purchases, money transfer, bank transfer, wallet"
        ),
    ),
    "forecast": (
        "forecasting",
        _terms(
            "forecast, forecasting, forecasts, demand, time series, seasonality, seasonal, "
            "stock, stockout, stock-out, inventory, replenishment, how much to order, order the "
            "right amount, sales volume, future sales, sales, grocery, supermarket, "
            "retail, waste, spoilage, sell, sells, sold, perishable, fresh food, groceries, "
            "grocer, grocers, fruit, vegetables, shelf life"
        ),
    ),
    "search": (
        "search ranking",
        _terms(
            "search, searches, ranking, rank, ranked, ranker, relevance, relevant results, "
            "results page, retrieval, rerank, reranking, learning to rank, ndcg, query, queries, "
            "keyword, keywords, search results, search engine, position bias, clicks"
        ),
    ),
    "recommendation": (
        "recommendations",
        _terms(
            "recommendation, recommendations, recommender, recommend, recommended, "
            "personalization, personalisation, personalized, personalised, collaborative "
            "filtering, suggestions, you might like, next best, what to watch, watch next, "
            "because you watched, feed, home page, homepage"
        ),
    ),
    "pricing": (
        "pricing",
        _terms(
            "pricing, price, prices, priced, elasticity, discount, discounts, dynamic pricing, "
            "markdown, markdowns, charge, what to charge, rates, room rate, "
            "nightly rate, price sensitivity, price sensitive, willingness to pay, pay, fare, "
            "fares, tariff, fees"
        ),
    ),
    "nlp": (
        "text and language",
        _terms(
            "nlp, natural language, text, texts, language model, llm, llms, sentiment, bert, "
            "transformer, transformers, chatbot, documents, emails, tickets, "
            "tokenization, tokenizer, named entity, translation, complaint, complaints, "
            "chat, chats, topic, topics, text classification, "
            "summarization, summarisation"
        ),
    ),
    "vision": (
        "images and vision",
        _terms(
            "image, images, vision, computer vision, photo, photos, picture, pictures, camera, "
            "video, cnn, object detection, pixel, pixels, defect, defects, inspection, "
            "production line, assembly line, conveyor, factory, factories, manufacturing, "
            "quality control, visual inspection, image recognition, recognition, packaging"
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
    "locations": (
        "shops and branches",
        _terms(
            "store, stores, shop, shops, branch, branches, outlet, outlets, pharmacy, "
            "pharmacies, footfall, foot traffic, site selection, closure, closures, shut down, "
            "store openings"
        ),
    ),
    "travel": (
        "travel",
        _terms(
            "hotel, hotels, booking, bookings, guest, guests, accommodation, travel, traveller, "
            "travellers, traveler, travelers, trip, trips, flight, flights, airline, airlines"
        ),
    ),
    "media": (
        "films, music and media",
        _terms(
            "film, films, movie, movies, viewer, viewers, viewing, watch, watched, watching, "
            "tv, episode, episodes, music, song, songs, playlist, podcast"
        ),
    ),
    "support": (
        "customer support",
        _terms(
            "customer support, support ticket, support tickets, help desk, helpdesk, help "
            "request, help requests, support request, support requests, customer service, "
            "call centre, call center, contact centre, inbox, triage, routing"
        ),
    ),
    "anomaly": (
        "anomalies",
        _terms("anomaly, anomalies, anomalous, outlier, outliers, unusual behaviour"),
    ),
    "segmentation": (
        "segments",
        _terms("segmentation, segment, segments, clustering, cohort, cohorts, persona"),
    ),
    # what a project's story tells of
    "experiment": (
        "A/B test",
        _terms(
            "a/b, a/b test, ab test, experiment, experiments, randomized, randomised, control "
            "group, treatment group, split test, live test, online test, controlled test, "
            "controlled experiment, holdout group, significance, significant, pilot, pilots, "
            "trial, trials"
        ),
    ),
    "leakage": (
        "leakage",
        _terms(
            "leakage, leak, leaked, leaking, leaky, too good to be true, future information, "
            "point in time, point-in-time, look-ahead, cheat, cheating, cheated, gave away, "
            "give away, target leakage, label leakage, peeking"
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
            "parallel, hadoop, cluster, single machine, one machine, one computer, memory, "
            "gigabytes, petabytes, too big, too large"
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
            "alternatives, alternative, compared, comparing, trade-off, "
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
            "storytelling, layman, writing, write-up, write-ups, readable, readability, "
            "clarity, jargon, too technical, hard to follow"
        ),
    ),
    "fairness": (
        "fairness",
        _terms(
            "fairness, unfair, unfairly, unfairness, biased against, bias against, ethical, "
            "ethics, privacy, discrimination, discriminate, discriminated, protected group, "
            "protected groups, demographic, demographics, equity"
        ),
    ),
    # behavioural themes
    "conflict": (
        "conflict",
        _terms(
            "disagree, disagreed, disagreement, disagreements, conflict, conflicts, pushed "
            "back, push back, pushback, argue, argued, argument, objected, objection, tension, "
            "friction, clash, clashed, dispute, escalate, escalated, escalating, did not agree, "
            "didn't agree, different opinion, different opinions, at odds, butted heads, "
            "refused, resisted, resistance, roadblock, standoff"
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
            "crash course, documentation, tutorial, tutorials, master, mastered, mastering, "
            "get to grips, got to grips, studied, self-study, new technology, new stack, "
            "bootcamp"
        ),
    ),
    "feedback": (
        "feedback",
        _terms(
            "feedback, criticism, criticized, criticised, critique, critical review, told me, "
            "pointed out, code review, constructive, comments, remarks, performance review, "
            "hard to hear, called out, negative review"
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
            "made the case, sell the idea, negotiate, negotiated, negotiating, negotiation, "
            "compromise, buy in, no authority, no say"
        ),
    ),
    "mentoring": (
        "mentoring",
        _terms(
            "mentor, mentored, mentoring, coach, coached, coaching, teach, taught, junior, "
            "juniors, onboard, onboarding, intern, interns, new hire, new hires, new joiner, "
            "new joiners, graduate, find their feet, pair programming, recruit, recruits, "
            "newcomer, newcomers, less experienced, guide, guided, guiding, mentee, mentees, "
            "apprentice"
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
            "against time, due date, hard date, fixed date, hurry, hurried, last minute, "
            "last-minute, time crunch, days before"
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
            "decision, decisions, decide, decided, deciding, judgment, judgement, judgement "
            "call, made "
            "a call, incomplete data, incomplete information, limited data, partial data, "
            "without all, missing information, information was missing, not enough "
            "information, partial information, assumption, assumptions, bet, partial "
            "picture, incomplete picture, full picture, whole picture, gut feeling, educated "
            "guess, best guess, calculated risk, informed guess"
        ),
    ),
}
"""Each concept: its label (how `why` names it) and its terms, single words or phrases."""

BROAD = frozenset({"collaboration", "leadership", "deployment", "metric", "challenge", "impact"})
"""Concepts nearly every story tells of: in a typed question they weigh as a signal, and
the question is about them only when it names nothing more specific."""
