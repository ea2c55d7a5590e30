#!/usr/bin/env python3
"""Generates the general-skills corpus the demo base model is pretrained on: short chat
conversations (OpenAI "messages" JSONL, so `tunebench-cli import` takes it) covering a few
skills a tiny model can learn in minutes on a CPU:

  arithmetic   2-digit and 3-digit addition, 2-digit subtraction
  copying      repeat a short phrase exactly
  reversing    a short list of words, last first
  facts        capitals, colours of things, animal sounds, opposites (a closed, made-up-by-template set)
  chat         greetings, thanks, goodbyes
  JSON         generic "return a JSON object with key k and value v" formatting
  classify     read a message, answer with a JSON object of labelled fields (corpus_classify.py:
               restaurant reviews, weather reports, pet notes, ... each with its own keys and labels)

The JSON and classification tasks give the base model the skill the demo builds on, but on
purpose never the support-ticket schema (category/priority/product/sentiment) or its messages:
that is what the demo's LoRA run teaches.
Deterministic: the same --seed and --count give the same file byte for byte.

  python3 examples/demo-model/make_corpus.py --out corpus.jsonl [--count 30000] [--seed 1234]
"""
import argparse
import json
import random
import sys

from corpus_classify import classify_conversation

SYSTEM_PROMPTS = [
    "You are a helpful assistant.",
    "You are a helpful assistant. Answer briefly and correctly.",
    "Answer the question. Be short.",
    "You are a careful assistant that follows instructions exactly.",
    "You answer with JSON when asked for JSON, and with plain text otherwise.",
]

WORDS = ["apple", "river", "stone", "cloud", "green", "table", "music", "light", "tiger", "paper",
         "ocean", "bread", "house", "train", "chair", "plant", "smile", "water", "horse", "night",
         "sugar", "glass", "field", "story", "dream", "metal", "clock", "mouse", "shirt", "bottle",
         "garden", "window", "pencil", "forest", "rocket", "candle", "button", "silver", "orange", "winter",
         "cat", "dog", "sun", "moon", "tree", "bird", "fish", "book", "door", "road", "star", "cup",
         "red", "blue", "small", "quick", "happy", "quiet", "warm", "cold", "soft", "bright",
         # everyday words, so that the tokenizer's pieces of ordinary English all get trained
         "money", "letter", "radio", "computer", "screen", "ticket", "order", "box", "card", "price",
         "morning", "evening", "week", "month", "year", "today", "friend", "family", "teacher", "doctor",
         "kitchen", "office", "market", "street", "city", "country", "school", "garden", "message", "problem",
         "answer", "question", "number", "picture", "holiday", "weather", "summer", "bridge", "change", "email",
         "password", "address", "delivery", "package", "machine", "engine", "battery", "cable", "update", "error",
         "slow", "broken", "late", "early", "again", "never", "always", "please", "thanks", "sorry",
         "bring", "send", "carry", "build", "write", "read", "open", "close", "start", "finish",
         "wrong", "right", "empty", "full", "cheap", "expensive", "heavy", "light", "strange", "normal"]

CAPITALS = [("France", "Paris"), ("Germany", "Berlin"), ("Italy", "Rome"), ("Spain", "Madrid"),
            ("Portugal", "Lisbon"), ("Japan", "Tokyo"), ("China", "Beijing"), ("Egypt", "Cairo"),
            ("Kenya", "Nairobi"), ("Peru", "Lima"), ("Chile", "Santiago"), ("Canada", "Ottawa"),
            ("Norway", "Oslo"), ("Sweden", "Stockholm"), ("Finland", "Helsinki"), ("Poland", "Warsaw"),
            ("Austria", "Vienna"), ("Greece", "Athens"), ("Ireland", "Dublin"), ("Russia", "Moscow"),
            ("India", "New Delhi"), ("Thailand", "Bangkok"), ("Cuba", "Havana"), ("Mexico", "Mexico City"),
            ("Argentina", "Buenos Aires"), ("Australia", "Canberra"), ("Turkey", "Ankara"), ("Iran", "Tehran"),
            ("Denmark", "Copenhagen"), ("Hungary", "Budapest"), ("Belgium", "Brussels"), ("Nigeria", "Abuja")]

COLOURS = [("grass", "green"), ("the sky", "blue"), ("snow", "white"), ("coal", "black"), ("a banana", "yellow"),
           ("a tomato", "red"), ("an orange", "orange"), ("a lemon", "yellow"), ("milk", "white"),
           ("a strawberry", "red"), ("the sea", "blue"), ("a leaf", "green"), ("chocolate", "brown"),
           ("a crow", "black"), ("a carrot", "orange"), ("an aubergine", "purple"), ("a cloud", "white"),
           ("a frog", "green"), ("a flamingo", "pink"), ("soil", "brown")]

SOUNDS = [("dog", "barks"), ("cat", "meows"), ("cow", "moos"), ("duck", "quacks"), ("lion", "roars"),
          ("sheep", "bleats"), ("horse", "neighs"), ("owl", "hoots"), ("snake", "hisses"), ("bee", "buzzes")]

OPPOSITES = [("hot", "cold"), ("big", "small"), ("fast", "slow"), ("up", "down"), ("day", "night"),
             ("open", "closed"), ("happy", "sad"), ("light", "dark"), ("old", "new"), ("early", "late"),
             ("full", "empty"), ("hard", "soft"), ("left", "right"), ("wet", "dry"), ("high", "low")]

NAMES = ["Alice", "Bob", "Carla", "David", "Eva", "Frank", "Grace", "Hugo", "Iris", "Jonas",
         "Kim", "Leo", "Mia", "Nina", "Omar", "Paula", "Quinn", "Rosa", "Sam", "Tara"]

# Generic JSON keys and the values they take; none of the support-ticket keys or labels.
JSON_FIELDS = {
    "name": NAMES,
    "city": [c for _, c in CAPITALS],
    "colour": ["red", "green", "blue", "yellow", "black", "white", "purple", "pink", "brown"],
    "animal": ["dog", "cat", "cow", "duck", "lion", "sheep", "horse", "owl", "snake", "bee"],
    "size": ["tiny", "small", "large", "huge"],
    "fruit": ["apple", "banana", "lemon", "cherry", "mango", "grape", "peach", "plum"],
    "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "status": ["open", "closed", "active", "paused", "done"],
    "country": [c for c, _ in CAPITALS],
    "shape": ["circle", "square", "triangle", "star", "line"],
}
NUMBER_KEYS = ["age", "count", "year", "score", "price", "level"]


def arithmetic(rng):
    kind = rng.random()
    if kind < 0.55:
        a, b, op = rng.randint(10, 99), rng.randint(10, 99), "+"
    elif kind < 0.8:
        a, b, op = rng.randint(10, 99), rng.randint(10, 99), "-"
        if b > a:
            a, b = b, a
    else:
        a, b, op = rng.randint(100, 999), rng.randint(100, 999), "+"
    result = a + b if op == "+" else a - b
    word = "plus" if op == "+" else "minus"
    question = rng.choice([
        f"What is {a} {op} {b}?",
        f"What is {a} {op} {b}?",
        f"Compute {a} {op} {b}.",
        f"How much is {a} {word} {b}?",
        f"{a} {op} {b} = ?",
        f"Calculate {a} {op} {b}.",
    ])
    answer = rng.choice([f"{result}", f"{a} {op} {b} = {result}", f"The answer is {result}."])
    return question, answer


def copying(rng):
    phrase = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 6)))
    question = rng.choice([
        f"Repeat after me: {phrase}",
        f"Say exactly this: {phrase}",
        f"Copy this text: {phrase}",
        f"Please repeat: {phrase}",
    ])
    return question, phrase


def reversing(rng):
    items = rng.sample(WORDS, rng.randint(2, 5))
    sep = rng.choice([", ", " "])
    question = rng.choice([
        f"Reverse the list: {sep.join(items)}",
        f"Write these words in reverse order: {sep.join(items)}",
        f"Reverse the order of: {sep.join(items)}",
    ])
    return question, sep.join(reversed(items))


def facts(rng):
    kind = rng.randrange(4)
    if kind == 0:
        country, capital = rng.choice(CAPITALS)
        question = rng.choice([f"What is the capital of {country}?", f"Which city is the capital of {country}?",
                               f"Name the capital of {country}."])
        answer = rng.choice([capital, f"The capital of {country} is {capital}."])
    elif kind == 1:
        thing, colour = rng.choice(COLOURS)
        question = rng.choice([f"What colour is {thing}?", f"Which colour does {thing} have?"])
        answer = rng.choice([colour, f"{thing[0].upper() + thing[1:]} is {colour}."])
    elif kind == 2:
        animal, sound = rng.choice(SOUNDS)
        question = rng.choice([f"What does a {animal} do?", f"What sound does a {animal} make?"])
        answer = f"A {animal} {sound}."
    else:
        word, opposite = rng.choice(OPPOSITES)
        if rng.random() < 0.5:
            word, opposite = opposite, word
        question = rng.choice([f"What is the opposite of {word}?", f"Give the opposite of {word}."])
        answer = rng.choice([opposite, f"The opposite of {word} is {opposite}."])
    return question, answer


def chat(rng):
    name = rng.choice(NAMES)
    pairs = [
        ("Hello!", "Hello! How can I help you?"),
        ("Hi there.", "Hi! What can I do for you?"),
        ("Good morning!", "Good morning! How can I help?"),
        (f"Hi, my name is {name}.", f"Nice to meet you, {name}! How can I help?"),
        ("Thank you!", "You are welcome!"),
        ("Thanks a lot, that helped.", "Glad I could help!"),
        ("Goodbye!", "Goodbye! Have a nice day."),
        ("How are you?", "I am fine, thank you. How can I help you today?"),
        ("Who are you?", "I am a small assistant model. I can do simple tasks."),
        ("Can you help me?", "Yes, of course. What do you need?"),
    ]
    return rng.choice(pairs)


def json_value_text(value):
    return json.dumps(value)


def json_task(rng):
    kind = rng.random()
    keys = rng.sample(list(JSON_FIELDS), rng.randint(1, 3))
    obj = {k: rng.choice(JSON_FIELDS[k]) for k in keys}
    if rng.random() < 0.35:
        number_key = rng.choice(NUMBER_KEYS)
        obj[number_key] = rng.randint(1, 99)
    pairs = list(obj.items())
    if kind < 0.4:
        described = " and ".join(f"key {k} set to {v}" for k, v in pairs)
        question = rng.choice([f"Return a JSON object with {described}.",
                               f"Answer with JSON only: an object with {described}.",
                               f"Give me a JSON object with {described}."])
    elif kind < 0.7:
        described = ", ".join(f"{k} is {v}" for k, v in pairs)
        question = rng.choice([f"Write this as JSON: {described}.", f"Make a JSON object where {described}.",
                               f"Format as a JSON object: {described}."])
    elif kind < 0.85:
        # Extract fields from a sentence: the closest generic cousin of structured extraction.
        name = rng.choice(NAMES)
        city = rng.choice(JSON_FIELDS["city"])
        age = rng.randint(18, 90)
        sentence = rng.choice([f"{name} is {age} years old and lives in {city}.",
                               f"My friend {name} lives in {city}. {name} is {age}.",
                               f"Living in {city}, {name} turned {age} this year."])
        question = f"Read the text and answer with a JSON object with the keys name, age and city. Text: {sentence}"
        obj = {"name": name, "age": age, "city": city}
    else:
        items = rng.sample(WORDS, rng.randint(2, 4))
        question = rng.choice([f"Return a JSON list of these words: {', '.join(items)}",
                               f"Write the words {' '.join(items)} as a JSON array."])
        return question, json.dumps(items)
    return question, json.dumps(obj)


SKILLS = [(arithmetic, 0.14), (copying, 0.12), (reversing, 0.07), (facts, 0.09), (chat, 0.05), (json_task, 0.13),
          (None, 0.40)]  # None: classify (corpus_classify.py), a whole conversation of its own


def conversation(rng):
    pick = rng.random()
    for skill, share in SKILLS:
        pick -= share
        if pick < 0:
            break
    if skill is None:
        return {"messages": classify_conversation(rng)}
    messages = []
    if rng.random() < 0.3:
        messages.append({"role": "system", "content": rng.choice(SYSTEM_PROMPTS)})
    turns = 1 if rng.random() < 0.85 else 2
    for _ in range(turns):
        question, answer = skill(rng)
        messages.append({"role": "user", "content": question})
        messages.append({"role": "assistant", "content": answer})
    return {"messages": messages}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="JSONL file to write ('-' for stdout)")
    parser.add_argument("--count", type=int, default=30000)
    parser.add_argument("--seed", type=int, default=1234)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    lines = [json.dumps(conversation(rng), ensure_ascii=False) for _ in range(args.count)]
    text = "\n".join(lines) + "\n"
    if args.out == "-":
        sys.stdout.write(text)
    else:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
