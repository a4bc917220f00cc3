"""Everyday words that say nearly the same thing, whatever the field a story is in: a
question that asks how a model was made 'quicker and cheaper' is answered by a story that
made it 'twice as fast' for 'half the cost'. Unlike the concepts of `match_concepts`, these
name no topic: they let a question's word count, a little less, where a story says it in
other words."""

from __future__ import annotations

from coach.core.match_themes import _terms

SYNONYM_GROUPS: dict[str, tuple[str, ...]] = {
    "fast": _terms(
        "fast, faster, fastest, quick, quicker, quickest, quickly, rapid, rapidly, speed, "
        "speedup, sooner, accelerate, accelerated"
    ),
    "slow": _terms("slow, slower, sluggish, lag, lagging, delay, delayed, stall, stalled"),
    "idle": _terms(
        "idle, idling, waiting, waited, wait, unused, underused, underutilised, underutilized"
    ),
    "cost": _terms(
        "cost, costs, costly, cheap, cheaper, cheapest, inexpensive, expensive, spend, "
        "spending, spent, bill, bills, expense, expenses"
    ),
    "small": _terms("small, smaller, smallest, tiny, compact, miniature, lightweight, footprint"),
    "large": _terms("large, larger, huge, enormous, massive, giant, bigger"),
    "less": _terms(
        "reduce, reduced, reducing, reduction, cut, cuts, cutting, lower, lowered, lowering, "
        "decrease, decreased, fewer, shrink, shrank, shrunk, shrinking, compress, compressed, "
        "compression, trim, trimmed, halve, halved, fell, drop, dropped, prune, pruned, "
        "pruning, quantise, quantised, quantize, quantized, quantisation, quantization, "
        "distil, distill, distilled, distillation"
    ),
    "more": _terms(
        "increase, increased, increasing, raise, raised, grow, grew, grown, rise, rose, "
        "double, doubled, tripled, higher"
    ),
    "error": _terms(
        "error, errors, mistake, mistakes, wrong, false, spurious, incorrect, erroneous, "
        "faulty, noise, noisy"
    ),
    "real": _terms("true, truth, real, genuine, authentic"),
    "picture": _terms("picture, pictures, image, images, imagery, photo, photos, photograph"),
    "device": _terms(
        "device, devices, gadget, gadgets, hardware, equipment, instrument, instruments, "
        "appliance, appliances"
    ),
    "server": _terms("server, servers, cloud, backend, datacenter, datacentre"),
    "neural": _terms(
        "neural, deep learning, cnn, cnns, rnn, rnns, lstm, convolutional, transformer, "
        "transformers"
    ),
    "scientist": _terms("scientist, scientists, researcher, researchers"),
    "infrastructure": _terms("infrastructure, platform, platforms"),
    "separate": _terms(
        "separate, separating, separated, distinguish, distinguishing, differentiate, "
        "filter, filtered, filtering"
    ),
}
"""Group -> its words (single words, or a compound of `match_vocabulary.COMPOUNDS`). A
group names no topic."""
