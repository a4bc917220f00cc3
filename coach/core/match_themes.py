"""The behavioural themes `coach match` knows (conflict, failure, learning fast...), each
with the words and phrases that say it, and how a term is written in the concepts."""

from __future__ import annotations

WEAK_MARK = "~"
"""Before a term that names its concept only where a story says what it is about (its
title, tags, labels and defining fields), never in passing in the rest of its text: a
retention discount in a churn story, a 'pilot' or a 'significant' drop, 'learn from
clicks'. A question that says it names the concept as any term does."""


def _terms(text: str) -> tuple[str, ...]:
    return tuple(term.strip() for term in text.split(",") if term.strip())


THEMES: dict[str, tuple[str, tuple[str, ...]]] = {
    "conflict": (
        "conflict",
        _terms(
            "disagree, disagreed, disagreement, disagreements, conflict, conflicts, pushed "
            "back, push back, pushback, argue, argued, argument, objected, objection, tension, "
            "friction, clash, clashed, dispute, escalate, escalated, escalating, did not agree, "
            "didn't agree, different opinion, different opinions, at odds, butted heads, "
            "~refused, ~resisted, resistance, roadblock, standoff, stood up to, stand up to, "
            "standing up, pushed back on, said no to, ~blocked, ~blocking, stonewalled"
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
            "~learn, ~learned, ~learnt, ~learning, learn fast, learned fast, learn quickly, "
            "new tool, new technique, new language, new "
            "framework, new library, unfamiliar, never used, picked up, pick up, taught "
            "myself, teach myself, teaching myself, taught yourself, teach yourself, teaching "
            "yourself, course, ramp up, ramped up, up to speed, self-taught, "
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
            "hard to hear, called out, negative review, hearing that, was told, were told, said "
            "your, said my"
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
            "compromise, buy in, no authority, no say, say yes, said yes, got them to, get them to"
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
        _terms(
            "led, ~lead, leader, leaders, leadership, ~leading, team lead, ~directed, "
            "managed a team, manage a team, managing a team, managed the team, managing "
            "people, managed people, run the team, ran the team, running the team, led a "
            "team, lead a team, leading a team, people manager, line manager, direct reports, "
            "my reports, team leader, head of, managers shoes"
        ),
    ),
    "team_lead": (
        "leading a team",
        _terms(
            "team lead, managed a team, manage a team, managing a team, managed the team, "
            "managing people, managed people, manage people, run the team, ran the team, "
            "running the team, run a team, ran a team, running a team, led a team, lead a "
            "team, leading a team, led the team, people manager, line manager, direct reports, "
            "my reports, team leader, head of, managers shoes, took over the team, taking over "
            "the team, take over the team, first-time manager, new "
            "manager"
        ),
    ),
    "collaboration": (
        "collaboration",
        _terms(
            "collaborate, collaborated, collaboration, cross-functional, cross-team, partner, "
            "partnered, ~engineers, ~product manager, stakeholder, stakeholders, designers, "
            "other teams, another team, ~colleague, ~colleagues, teammate, teammates, ~together"
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
            "decision, decisions, ~decide, ~decided, ~deciding, judgment, judgement, judgement "
            "call, made "
            "a call, incomplete data, incomplete information, limited data, partial data, "
            "without all, missing information, information was missing, not enough "
            "information, partial information, assumption, assumptions, bet, partial "
            "picture, incomplete picture, full picture, whole picture, gut feeling, educated "
            "guess, best guess, calculated risk, informed guess, part of the picture"
        ),
    ),
}
"""Each theme: its label (how `why` names it) and its terms, single words or phrases."""
