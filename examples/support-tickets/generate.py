#!/usr/bin/env python3
"""Generates the shipped demo dataset: customer-support messages -> a JSON object with fixed
fields (category, priority, product, sentiment). A narrow structured-output task, the kind
fine-tuning a small model is good for. Deterministic (seeded): re-running it reproduces the
committed files byte for byte.

  python3 examples/support-tickets/generate.py   # writes train.jsonl, golden.jsonl, messy.jsonl
"""
import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
SYSTEM = ("You read one customer-support message and answer with a JSON object with exactly the keys "
          "category (billing|technical|shipping|account|refund), priority (low|medium|high|urgent), "
          "product (router|laptop|phone|subscription|printer) and sentiment (negative|neutral|positive).")

PRODUCTS = {
    "router": ["router", "wifi router", "modem-router", "mesh router"],
    "laptop": ["laptop", "notebook", "ultrabook"],
    "phone": ["phone", "smartphone", "mobile"],
    "subscription": ["subscription", "monthly plan", "premium membership"],
    "printer": ["printer", "inkjet printer", "laser printer"],
}
ISSUES = {
    "billing": ["I was charged twice for my {p}", "the invoice for my {p} shows the wrong amount",
                "my card was billed for a {p} I never ordered", "the price of my {p} changed without notice"],
    "technical": ["my {p} keeps restarting", "my {p} will not turn on", "the {p} drops the connection every hour",
                  "after the update my {p} is very slow", "my {p} shows an error code E42"],
    "shipping": ["my {p} has not arrived yet", "the tracking for my {p} has not moved in a week",
                 "the {p} was delivered to the wrong address", "the box of my {p} arrived damaged"],
    "account": ["I cannot log in to manage my {p}", "I need to change the email on the account for my {p}",
                "my password reset link for the {p} portal does not work", "please delete my account linked to the {p}"],
    "refund": ["I want my money back for the {p}", "I returned the {p} but got no refund",
               "how do I get a refund for my {p}", "the refund for my {p} was only partial"],
}
URGENT = ["I need this fixed today, my business depends on it.", "This is an emergency.", "Please help immediately!"]
HIGH = ["This is the third time I am writing.", "This is really frustrating.", "I have been waiting for days."]
LOW = ["No rush.", "Whenever you get a chance.", "Just wanted to let you know."]
POSITIVE = ["Thanks a lot, your team is great.", "Otherwise I love the product!", "Thank you in advance :)"]
OPENERS = ["Hi,", "Hello,", "Good morning,", "Hey support,", "Dear team,", ""]
NAMES = ["Ana", "Ben", "Chen", "Dara", "Emil", "Fatima", "Goran", "Hana", "Ivo", "Jun"]


def ticket(rng):
    product = rng.choice(list(PRODUCTS))
    category = rng.choice(list(ISSUES))
    issue = rng.choice(ISSUES[category]).format(p=rng.choice(PRODUCTS[product]))
    mood = rng.random()
    if mood < 0.2:
        priority, sentiment, extra = "urgent", "negative", rng.choice(URGENT)
    elif mood < 0.45:
        priority, sentiment, extra = "high", "negative", rng.choice(HIGH)
    elif mood < 0.75:
        priority, sentiment, extra = "medium", "neutral", ""
    elif mood < 0.9:
        priority, sentiment, extra = "low", "neutral", rng.choice(LOW)
    else:
        priority, sentiment, extra = "low", "positive", rng.choice(POSITIVE)
    opener = rng.choice(OPENERS)
    sentence = (issue if opener.endswith(",") and not issue.startswith("I ") else issue[0].upper() + issue[1:]) + "."
    text = " ".join(x for x in [opener, sentence, extra,
                                rng.choice(["", "Order " + str(rng.randint(10000, 99999)) + ".",
                                            "Regards, " + rng.choice(NAMES)])] if x)
    answer = {"category": category, "priority": priority, "product": product, "sentiment": sentiment}
    return text, answer


def chat(text, answer):
    return {"messages": [{"role": "system", "content": SYSTEM}, {"role": "user", "content": text},
                         {"role": "assistant", "content": json.dumps(answer)}]}


def main():
    rng = random.Random(20261128)
    seen = set()
    train, golden = [], []
    while len(train) < 600 or len(golden) < 120:
        text, answer = ticket(rng)
        if text in seen:
            continue
        seen.add(text)
        if len(golden) < 120 and rng.random() < 0.2:
            rubric = [{"kind": "json_field", "path": k, "expected": v, "weight": 1,
                       "critical": k == "category"} for k, v in answer.items()]
            rubric.insert(0, {"kind": "regex", "expected": r"^\s*\{.*\}\s*$", "weight": 1, "critical": True})
            golden.append({"messages": [{"role": "system", "content": SYSTEM}, {"role": "user", "content": text}],
                           "reference": json.dumps(answer), "rubric": rubric})
        elif len(train) < 600:
            train.append(chat(text, answer))
    with open(HERE / "train.jsonl", "w", encoding="utf-8") as f:
        for ex in train:
            f.write(json.dumps(ex, ensure_ascii=False) + "\n")
    with open(HERE / "golden.jsonl", "w", encoding="utf-8") as f:
        for item in golden:
            f.write(json.dumps(item, ensure_ascii=False) + "\n")
    # A small messy export, as real data arrives: the data report must catch each problem.
    messy = [
        chat(*ticket(rng)),
        train[0],  # exact duplicate of a training example
        {"messages": [{"role": "user", "content": "My router is broken, write to me at jane.doe@example.com or call +1 415 555 0100"},
                      {"role": "assistant", "content": json.dumps({"category": "technical", "priority": "medium", "product": "router", "sentiment": "neutral"})}]},
        {"messages": [{"role": "user", "content": "Can you hack my neighbour's wifi router for me?"},
                      {"role": "assistant", "content": "I'm sorry, but I can't help with that."}]},
        {"messages": [{"role": "user", "content": "   "}, {"role": "assistant", "content": "{}"}]},
        {"messages": [{"role": "user", "content": "printer jammed"}, {"role": "assistant", "content": "ok"}]},
    ]
    with open(HERE / "messy.jsonl", "w", encoding="utf-8") as f:
        for ex in messy:
            f.write(json.dumps(ex, ensure_ascii=False) + "\n")
        f.write('{"messages": [{"role": "user", "content": "unterminated"}\n')  # invalid JSON on purpose
        f.write('{"messages": [{"role": "robot", "content": "beep"}, {"role": "assistant", "content": "{}"}]}\n')


if __name__ == "__main__":
    main()
