"""The "read a message, answer with a JSON object of labelled fields" skill of the demo
model's general corpus (imported by make_corpus.py).

A pretrained model already knows how to classify a text into listed options and extract
fields as JSON; a model pretrained from scratch has to be shown. These conversations show it
on many made-up schemas: a system prompt (or a user instruction) names the keys and, for each,
the allowed labels in parentheses; the message says which label applies, sometimes with the
label's own word, more often with a phrase that implies it ("the waiter forgot our drinks" ->
service: slow); a field whose cue is missing takes its default label; the answer is a JSON
object with exactly the listed keys, in the listed order.

On purpose, none of these schemas is the demo's task: no customer-support messages, none of its
keys (category, priority, product, sentiment) and none of its labels. Learning *that* mapping
is what the demo's LoRA run is for.
"""
import json

# A field: key -> {label: cue phrases}. A label whose cues are [] is the default (nothing in the
# message points elsewhere). Cues are spliced into the domain's sentences.
DOMAINS = [
    {
        "nouns": ["restaurant review", "review of a restaurant visit", "note about a dinner out"],
        "sentences": ["We had {dish} and {service}.", "I ordered {dish}; {service}.", "The {dish} was fine and {service}."],
        "fields": {
            "dish": {"pizza": ["pizza", "a margherita", "a pepperoni pizza"],
                     "soup": ["soup", "a tomato soup", "a bowl of onion soup"],
                     "pasta": ["pasta", "spaghetti", "a plate of noodles with cheese"],
                     "curry": ["curry", "a spicy chicken curry", "a lentil curry with rice"],
                     "salad": ["salad", "a green salad", "a bowl of lettuce and cucumber"]},
            "service": {"fast": ["the food came in five minutes", "the waiter was very quick", "service was fast"],
                        "slow": ["we waited an hour for the food", "the waiter forgot our drinks", "service was slow"],
                        "rude": ["the waiter shouted at us", "the staff were rude", "nobody said hello"]},
        },
    },
    {
        "nouns": ["weather report", "short weather note", "forecast"],
        "sentences": ["Tomorrow {sky} and {wind}.", "This morning {sky}, and {wind}.", "Expect that {sky}; {wind}."],
        "fields": {
            "sky": {"sunny": ["the sun will shine all day", "there is not a cloud in the sky", "it is sunny"],
                    "rainy": ["it will rain", "showers will fall all afternoon", "bring an umbrella because it pours"],
                    "snowy": ["snow will fall", "the hills turn white with snow", "it is snowing"],
                    "cloudy": ["the sky stays grey", "clouds cover the sky", "it is cloudy"]},
            "wind": {"calm": ["the air is still", "there is no wind at all", "the wind is calm"],
                     "windy": ["strong gusts blow", "the wind bends the trees", "it is windy"],
                     "stormy": ["a storm arrives at night", "thunder and lightning are expected", "a gale hits the coast"]},
        },
    },
    {
        "nouns": ["pet adoption note", "note from an animal shelter", "message about a pet"],
        "sentences": ["Our {animal} {need}.", "The {animal} at the shelter {need}.", "My {animal} {need}."],
        "fields": {
            "animal": {"dog": ["dog", "puppy", "old sheepdog"],
                       "cat": ["cat", "kitten", "grey tomcat"],
                       "rabbit": ["rabbit", "bunny", "little lop-eared rabbit"],
                       "bird": ["bird", "parrot", "canary"],
                       "fish": ["fish", "goldfish", "small fish in the tank"]},
            "need": {"food": ["is always hungry", "needs more to eat", "has not eaten since Monday"],
                     "doctor": ["has a sore leg", "coughs at night", "needs to see a vet"],
                     "home": ["needs a new family", "is looking for a home", "wants someone to take it in"],
                     "play": ["is bored", "wants a new toy", "needs more games"]},
        },
    },
    {
        "nouns": ["travel request", "trip request", "message about a journey"],
        "sentences": ["I would like to go to {city} by {transport} {purpose}.",
                      "Please book {transport} to {city} {purpose}.",
                      "Can I travel by {transport} to {city}? It is {purpose}."],
        "fields": {
            "transport": {"train": ["train", "rail", "the night train"],
                          "plane": ["plane", "air", "a flight"],
                          "bus": ["bus", "coach", "the express bus"],
                          "boat": ["boat", "ferry", "ship"]},
            "purpose": {"work": ["for a meeting", "for a conference", "for my job"],
                        "holiday": ["for a holiday", "to relax at the beach", "for a week of sightseeing"],
                        "family": ["to visit my parents", "for my sister's wedding", "to see my grandmother"]},
            "city": {"Paris": ["Paris"], "Rome": ["Rome"], "Oslo": ["Oslo"], "Lima": ["Lima"], "Tokyo": ["Tokyo"]},
        },
    },
    {
        "nouns": ["library request", "message to the library", "book request"],
        "sentences": ["I am looking for a book {genre} {format}.", "Do you have something {genre}, {format}?",
                      "My class needs a book {genre} {format}."],
        "fields": {
            "genre": {"mystery": ["about a detective", "with a murder to solve", "full of secrets and clues"],
                      "history": ["about the Romans", "about old kings and wars", "on the last century"],
                      "science": ["about stars and planets", "explaining how cells work", "about chemistry"],
                      "poetry": ["of poems", "with short rhymes", "of verse"],
                      "cooking": ["of recipes", "about baking bread", "on how to cook"]},
            "format": {"paper": ["on paper", "as a printed copy", "in hardback"],
                       "ebook": ["as an ebook", "to read on my tablet", "in digital form"],
                       "audio": ["as an audiobook", "to listen to in the car", "read aloud"]},
        },
    },
    {
        "nouns": ["garden question", "question about a garden", "note from a gardener"],
        "sentences": ["My {plant} {problem}.", "The {plant} in my garden {problem}.", "Why is it that my {plant} {problem}?"],
        "fields": {
            "plant": {"rose": ["rose", "rose bush", "red roses"],
                      "tomato": ["tomato", "tomato plants", "cherry tomatoes"],
                      "tulip": ["tulip", "tulips", "yellow tulips"],
                      "basil": ["basil", "herbs on the window", "pot of basil"],
                      "tree": ["apple tree", "young oak", "tree"]},
            "problem": {"insects": ["is covered in small bugs", "has aphids on every leaf", "is eaten by snails"],
                        "water": ["is dry and wilting", "gets too much rain", "droops after a hot day"],
                        "light": ["grows in the dark corner", "gets no sun", "is always in the shade"]},
        },
    },
    {
        "nouns": ["sports report", "match report", "short sports news item"],
        "sentences": ["In the {sport} final our team {result}.", "Yesterday's {sport} game: we {result}.",
                      "The {sport} club {result} on Sunday."],
        "fields": {
            "sport": {"football": ["football", "soccer", "five-a-side"],
                      "tennis": ["tennis", "doubles tennis", "table tennis"],
                      "chess": ["chess", "blitz chess", "chess club"],
                      "swimming": ["swimming", "relay swimming", "pool"],
                      "cycling": ["cycling", "bike race", "road cycling"]},
            "result": {"win": ["won easily", "beat the champions", "took the trophy"],
                       "loss": ["lost badly", "was beaten", "went home with nothing"],
                       "draw": ["drew level", "finished even", "shared the points"]},
        },
    },
    {
        "nouns": ["film review", "movie review", "note about a film"],
        "sentences": ["Last night I saw {genre}, and {verdict}.", "We watched {genre}; {verdict}.",
                      "The new film is {genre} and {verdict}."],
        "fields": {
            "genre": {"comedy": ["a comedy", "a film that made us laugh", "a silly funny film"],
                      "horror": ["a horror film", "a film with ghosts", "a scary film about a haunted house"],
                      "drama": ["a drama", "a sad film about a family", "a serious film"],
                      "cartoon": ["a cartoon", "an animated film", "a film with drawn animals"]},
            "verdict": {"great": ["I loved every minute", "it was the best film this year", "it was great"],
                        "okay": ["it was alright", "it was not bad", "it was okay"],
                        "bad": ["I fell asleep", "it was a waste of money", "it was awful"]},
        },
    },
    {
        "nouns": ["job application", "letter from a job seeker", "application note"],
        "sentences": ["I apply to work as a {role}; {level}.", "I want the {role} job. {level}.",
                      "Please consider me as a {role}, {level}."],
        "fields": {
            "role": {"cook": ["cook", "chef", "kitchen helper"],
                     "driver": ["driver", "van driver", "taxi driver"],
                     "teacher": ["teacher", "maths teacher", "tutor"],
                     "nurse": ["nurse", "night nurse", "care worker"],
                     "painter": ["painter", "house painter", "decorator"]},
            "level": {"junior": ["I have just left school", "this would be my first job", "I am new to this"],
                      "senior": ["I have done this for twenty years", "I used to lead a team", "I have long experience"]},
        },
    },
    {
        "nouns": ["car repair note", "note from a garage", "message about a car"],
        "sentences": ["The {part} of my car {symptom}.", "Our van's {part} {symptom}.", "Since Monday the {part} {symptom}."],
        "fields": {
            "part": {"brakes": ["brakes", "brake pedal", "front brakes"],
                     "tyres": ["tyres", "back tyre", "wheels"],
                     "engine": ["engine", "motor", "engine block"],
                     "battery": ["battery", "car battery", "starter battery"],
                     "lights": ["lights", "headlights", "rear lights"]},
            "symptom": {"noise": ["makes a loud squeak", "rattles", "clicks all the time"],
                        "dead": ["does nothing", "is completely dead", "stopped working"],
                        "leak": ["leaks oil", "drips on the road", "leaves a puddle"]},
        },
    },
    {
        "nouns": ["flat listing", "apartment advert", "room to rent"],
        "sentences": ["To rent: {rooms} {area}.", "For rent, {rooms} {area}.", "We offer {rooms} {area}."],
        "fields": {
            "rooms": {"one": ["a studio", "a one-room flat", "a single room"],
                      "two": ["a two-room flat", "a flat with one bedroom and a living room", "two rooms"],
                      "three": ["a family flat with three rooms", "three rooms", "a large three-room home"]},
            "area": {"centre": ["in the city centre", "next to the main square", "downtown"],
                     "suburb": ["in a quiet suburb", "at the edge of town", "near the ring road"],
                     "village": ["in a small village", "in the countryside", "near the farms"]},
        },
    },
    {
        "nouns": ["school message", "note from a parent", "message to the teacher"],
        "sentences": ["My daughter {subject}.", "Our son {subject}.", "Tom from class 3 {subject}."],
        "fields": {
            "subject": {"homework": ["forgot her homework", "could not finish the maths sheet", "lost the reading task"],
                        "illness": ["is ill with a fever", "has a cold and stays at home", "is sick today"],
                        "trip": ["wants to join the museum trip", "needs the form for the zoo visit", "asks about the class outing"],
                        "lunch": ["cannot eat nuts at lunch", "needs a vegetarian meal", "forgot his lunch box"]},
        },
    },
]

# Fields any domain can add, each carried by a sentence of its own; key names vary.
MOOD_KEYS = ["mood", "tone", "feeling"]
MOOD_LABELS = [("happy", "calm", "angry"), ("pleased", "okay", "annoyed"), ("glad", "plain", "upset")]
MOOD_CUES = [  # happy / angry; the middle label has no sentence
    ["I am so happy about it.", "What a lovely day!", "Great work, everyone.", "This made my week :)"],
    ["I am really cross.", "This makes me furious!", "What a terrible mess.", "I am fed up with this."],
]
WHEN_KEYS = ["when", "deadline", "timing"]
WHEN_LABELS = [("now", "soon", "later"), ("today", "this_week", "any_time")]
WHEN_CUES = [  # first / last label; the middle one has no sentence
    ["It must happen right away.", "Please do it at once.", "We need it before noon."],
    ["There is no hurry at all.", "Any time next month is fine.", "Take your time."],
]

OPENERS = ["Hi,", "Hello,", "Dear all,", "Note:", "Hey,", "Good evening,", ""]
CLOSINGS = ["", "", "Best, {name}", "Thanks, {name}", "Cheers, {name}", "Ref {number}.", "Sent from my tablet."]
PEOPLE = ["Lena", "Marco", "Aiko", "Pedro", "Sofia", "Yusuf", "Elif", "Noah", "Priya", "Tomas"]

INSTRUCTIONS = [
    "You read one {noun} and answer with a JSON object with exactly the keys {listing}.",
    "Read the {noun}. Reply with JSON only, with the keys {listing}.",
    "Classify the {noun} into a JSON object with the keys {listing}.",
    "Extract the fields of this {noun} as JSON: {listing}.",
]


def listing(keys, options):
    """'a (x|y), b (p|q) and c (u|v)'."""
    parts = [f"{k} ({'|'.join(options[k])})" for k in keys]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def domain_example(rng):
    domain = rng.choice(DOMAINS)
    fields = domain["fields"]
    labels = {k: rng.choice(list(v)) for k, v in fields.items()}
    sentence = rng.choice(domain["sentences"]).format(**{k: rng.choice(fields[k][labels[k]]) for k in fields})
    sentence = sentence[0].upper() + sentence[1:]
    options = {k: list(v) for k, v in fields.items()}
    extra = []
    if rng.random() < 0.7:
        key, choice = rng.choice(MOOD_KEYS), rng.choice(MOOD_LABELS)
        pick = rng.randrange(3)
        options[key], labels[key] = list(choice), choice[pick]
        if pick != 1:
            extra.append(rng.choice(MOOD_CUES[0 if pick == 0 else 1]))
    if rng.random() < 0.5:
        key, choice = rng.choice(WHEN_KEYS), rng.choice(WHEN_LABELS)
        pick = rng.randrange(3)
        options[key], labels[key] = list(choice), choice[pick]
        if pick != 1:
            extra.append(rng.choice(WHEN_CUES[0 if pick == 0 else 1]))
    rng.shuffle(extra)
    closing = rng.choice(CLOSINGS).format(name=rng.choice(PEOPLE), number=rng.randint(1000, 99999))
    opener = rng.choice(OPENERS)
    if opener.endswith(",") and not sentence.startswith("I "):
        sentence = sentence[0].lower() + sentence[1:]
    message = " ".join(x for x in [opener, sentence, *extra, closing] if x)

    keys = list(options)
    if rng.random() < 0.5:
        rng.shuffle(keys)
    for k in keys:  # the order of the allowed labels carries no information
        if rng.random() < 0.5:
            rng.shuffle(options[k])
    instruction = rng.choice(INSTRUCTIONS).format(noun=rng.choice(domain["nouns"]), listing=listing(keys, options))
    answer = json.dumps({k: labels[k] for k in keys})
    if rng.random() < 0.75:
        return [{"role": "system", "content": instruction}, {"role": "user", "content": message}, answer]
    return [{"role": "user", "content": f"{instruction} Message: {message}"}, answer]


# Literal extraction: the message mentions one option of each key by name.
SLOT_OPTIONS = {
    "colour": ["red", "green", "blue", "yellow", "black", "white", "purple", "brown"],
    "animal": ["dog", "cat", "horse", "duck", "owl", "fox", "goat", "bear"],
    "fruit": ["apple", "banana", "lemon", "cherry", "mango", "grape", "peach", "plum"],
    "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "city": ["Paris", "Rome", "Oslo", "Lima", "Tokyo", "Cairo", "Dublin", "Vienna"],
    "shape": ["circle", "square", "triangle", "star", "heart"],
    "drink": ["tea", "coffee", "juice", "milk", "water", "cocoa"],
    "tool": ["hammer", "saw", "drill", "spade", "brush", "ladder"],
    "room": ["kitchen", "bedroom", "garage", "attic", "cellar", "hall"],
    "season": ["spring", "summer", "autumn", "winter"],
}
SLOT_SENTENCES = {
    "colour": ["The door was painted {v}.", "She wore a {v} coat.", "I like the {v} one best."],
    "animal": ["A {v} walked past.", "We saw a {v} in the field.", "My neighbour keeps a {v}."],
    "fruit": ["I had a {v} for lunch.", "The {v} was ripe.", "Buy one {v}, please."],
    "day": ["It happened on {v}.", "We meet every {v}.", "See you on {v}."],
    "city": ["They moved to {v}.", "The letter came from {v}.", "I was born in {v}."],
    "shape": ["The sign is a {v}.", "Draw a {v} on the page.", "The table has the shape of a {v}."],
    "drink": ["He drank {v}.", "A cup of {v} would be nice.", "We ran out of {v}."],
    "tool": ["Pass me the {v}.", "The {v} is in the shed.", "I broke the {v}."],
    "room": ["The cat sleeps in the {v}.", "We painted the {v}.", "The lamp in the {v} is broken."],
    "season": ["It was late {v}.", "We go there every {v}.", "The trees look best in {v}."],
}


def slot_example(rng):
    keys = rng.sample(list(SLOT_OPTIONS), rng.randint(2, 4))
    options = {k: rng.sample(SLOT_OPTIONS[k], rng.randint(3, min(5, len(SLOT_OPTIONS[k])))) for k in keys}
    labels = {k: rng.choice(options[k]) for k in keys}
    sentences = [rng.choice(SLOT_SENTENCES[k]).format(v=labels[k]) for k in keys]
    rng.shuffle(sentences)
    message = " ".join(sentences)
    instruction = rng.choice(INSTRUCTIONS).format(noun=rng.choice(["note", "short text", "message", "diary entry"]),
                                                  listing=listing(keys, options))
    answer = json.dumps({k: labels[k] for k in keys})
    if rng.random() < 0.75:
        return [{"role": "system", "content": instruction}, {"role": "user", "content": message}, answer]
    return [{"role": "user", "content": f"{instruction} Message: {message}"}, answer]


def classify_conversation(rng):
    """Messages [system?, user, assistant] of one classification/extraction example."""
    turns = domain_example(rng) if rng.random() < 0.7 else slot_example(rng)
    *prompt, answer = turns
    return prompt + [{"role": "assistant", "content": answer}]
