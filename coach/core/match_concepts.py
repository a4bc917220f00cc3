"""The concepts `coach match` knows: of ML work (churn, fraud, forecasting...), of a
project's story (leakage, messy data, a simpler model...) and of behavioural questions
(conflict, failure, learning fast...), each with the words and phrases that say it."""

from __future__ import annotations

from coach.core.match_themes import THEMES, WEAK_MARK, _terms

__all__ = ["BROAD", "CONCEPTS", "WEAK_MARK", "_terms"]


CONCEPTS: dict[str, tuple[str, tuple[str, ...]]] = {
    # the problem a model solved
    "churn": (
        "churn",
        _terms(
            "churn, churned, churning, cancel, cancellation, cancelling, attrition, retention, "
            "retain, retained, customers leave, customers leaving, users leave, users leaving, "
            "who leave, who left, left the service, quit, quitting, unsubscribe, "
            "stop using, stopped using, walk away, lapse, lapsed, renewal, renew, win back, "
            "~subscriber, ~subscribers, ~subscription, ~subscriptions, ~competitor, ~competitors, "
            "switch provider, switched provider, stop paying, stopped paying, drop off"
        ),
    ),
    "fraud": (
        "fraud",
        _terms(
            "fraud, fraudulent, fraudster, fraudsters, scam, scams, chargeback, chargebacks, "
            "stolen card, suspicious transaction, suspicious payment, money laundering, fake "
            "account, fake accounts, ~abuse, card fraud, payment fraud, bogus, illegitimate, "
            "counterfeit, account takeover, ~stolen, ~suspicious, impostor, dodgy"
        ),
    ),
    "payments": (
        "payments",
        _terms(
            "payment, payments, ~transaction, ~transactions, ~card, ~cards, checkout, ~merchant, "
            "~purchase, ~purchases, money transfer, bank transfer, wallet"
        ),
    ),
    "forecast": (
        "forecasting",
        _terms(
            "forecast, forecasting, forecasts, demand, time series, seasonality, ~seasonal, "
            "~stock, stockout, stock-out, ~inventory, replenishment, how much to order, order "
            "the right amount, how much to stock, sales volume, future sales, predict sales, "
            "predicting sales, sales forecast, demand planning, how far ahead, horizon, "
            "backtest, backtests"
        ),
    ),
    "retail": (
        "shops and groceries",
        _terms(
            "retail, retailer, retailers, grocery, groceries, supermarket, supermarkets, "
            "grocer, grocers, fresh food, fruit, vegetables, perishable, perishables, "
            "spoilage, food waste, shelf life, ~waste, ~sales, ~sell, ~sells, ~sold"
        ),
    ),
    "marketplace": (
        "online shops",
        _terms(
            "marketplace, marketplaces, e-commerce, ecommerce, online shop, online shops, "
            "online store, webshop, shopper, shoppers, buyer, buyers, ~listing, ~listings, "
            "~seller, ~sellers"
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
            "pricing, price, prices, priced, elasticity, ~discount, ~discounts, dynamic pricing, "
            "~markdown, ~markdowns, ~charge, what to charge, ~rates, room rate, "
            "nightly rate, price sensitivity, price sensitive, willingness to pay, ~pay, ~fare, "
            "~fares, ~tariff, ~fees, price point, price points, revenue management, yield "
            "management"
        ),
    ),
    "nlp": (
        "text and language",
        _terms(
            "nlp, natural language, ~text, ~texts, language model, llm, llms, sentiment, bert, "
            "transformer, transformers, chatbot, ~documents, ~emails, ~email, ~tickets, "
            "tokenization, tokenizer, named entity, translation, ~complaint, ~complaints, "
            "~chat, ~chats, ~topic, ~topics, text classification, free text, free-text, "
            "language models, ~messages, correspondence, "
            "summarization, summarisation"
        ),
    ),
    "vision": (
        "images and vision",
        _terms(
            "image, images, vision, computer vision, ~photo, ~photos, ~picture, ~pictures, camera, "
            "video, cnn, object detection, pixel, pixels, defect, defects, inspection, "
            "production line, assembly line, conveyor, ~factory, ~factories, ~manufacturing, "
            "quality control, visual inspection, image recognition, ~recognition, ~packaging"
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
        _terms(
            "credit, loan, loans, default risk, underwriting, lending, lender, lenders, "
            "borrower, borrowers, scorecard, credit score, applicants, pays back, pay back, "
            "repayment, repayments, bad debt, default, defaults, defaulted"
        ),
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
        _terms(
            "anomaly, anomalies, anomalous, outlier, outliers, unusual behaviour, unusual, "
            "abnormal, alarm, alarms, alert, alerts, alerting, early warning, predictive "
            "maintenance, isolation forest, sensor, sensors, telemetry, readings"
        ),
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
            "controlled experiment, holdout group, ~significance, ~significant, ~pilot, ~pilots, "
            "~trial, ~trials, price test, randomly, at random, split the traffic"
        ),
    ),
    "offline_gap": (
        "offline gains lost online",
        _terms(
            "offline gains, offline gain, offline improvement, offline improvements, offline "
            "win, did not carry over, didn't carry over, did not translate, didn't translate, "
            "did not hold up online, ~did not show up, ~didn't show up, lost the a/b test, "
            "lost an a/b test, lost a controlled experiment, lost the experiment, ~sank, "
            "offline-online gap, offline and online"
        ),
    ),
    "leakage": (
        "leakage",
        _terms(
            "leakage, leak, leaked, leaking, leaky, too good to be true, future information, "
            "point in time, point-in-time, look-ahead, ~cheat, ~cheating, ~cheated, ~gave away, "
            "~give away, target leakage, label leakage, peeking"
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
    "labels": (
        "labels",
        _terms(
            "no labels, no good labels, without labels, no ground truth, noisy labels, label "
            "noise, relevance judgments, labelled data, labeled data, "
            "labelling, labeling, annotation, annotations, annotators, annotate, weak "
            "supervision, implicit feedback, learn from clicks, learning from clicks, ~labels, "
            "~label"
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
            "serving, ~served, ~live, rollout, rolled out, in the wild, in use"
        ),
    ),
    "latency": (
        "speed",
        _terms(
            "latency, milliseconds, millisecond, response time, real-time, real time, ~too slow, "
            "~slow, ~slower, ~faster, throughput, inference cost, budget of"
        ),
    ),
    "drift": (
        "monitoring and drift",
        _terms(
            "drift, drifted, monitoring, monitor, monitored, degrade, degraded, decay, "
            "distribution shift, data shift, ~shifted, ~retrain, ~retrained, ~retraining, "
            "getting worse, got worse, worse over time, went bad, go bad, gone bad, stale, "
            "degradation, deteriorate, deteriorated, performance dropped, accuracy dropped, decayed"
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
            "impact, revenue, cost savings, ~cost, ~costs, ~profit, ~dollars, ~million, "
            "business value, bottom line, ~proud"
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
    **THEMES,
}
"""Each concept: its label (how `why` names it) and its terms, single words or phrases."""

BROAD = frozenset({"collaboration", "leadership", "deployment", "metric", "challenge", "impact"})
"""Concepts nearly every story tells of: in a typed question they weigh as a signal, and
the question is about them only when it names nothing more specific."""
