"""The words of the generated enactments and debriefs: what nobody anticipated, reflections,
the team's debrief record."""

UNANTICIPATED = (
    ("Guess and check", "Tried numbers until one worked, without a reason for the next guess."),
    ("Counted on fingers", "Counted every unit one by one, then lost track past twenty."),
    ("Drew a calendar", "Set the problem on a calendar grid and counted the weeks."),
    ("Used money", "Turned the quantities into dollars and cents to compare them."),
    ("Worked backwards", "Started from the answer in the question and undid each step."),
    ("Estimated only", "Gave a close estimate and stopped there, sure it was the answer."),
    ("Mixed two methods", "Began with a drawing, switched to the algorithm halfway."),
    ("Used a clock face", "Split the whole like an hour into minutes to find the parts."),
)
WHAT_WORKED = (
    "Students explained their drawings to each other before the whole-class share.",
    "The launch was short; everyone started within two minutes.",
    "Pressing for a second strategy brought out the table more than once.",
    "The sequence from concrete to general landed: the rule came from the students.",
    "",
)
SURPRISED = (
    "More students than we thought went straight for the algorithm.",
    "A quiet group found the general rule and explained it clearly.",
    "Nobody used the number line we expected most of them to use.",
    "Several students checked their answer with a second method on their own.",
    "",
)
WOULD_CHANGE = (
    "Give more time to explore and shorten the discussion.",
    "Ask the assessing questions earlier, before students settle on one way.",
    "Choose the first share more carefully: it set the tone for the rest.",
    "Have manipulatives on every table instead of at the front.",
    "",
)
DEBRIEF_WORKED = (
    "Every room had at least three strategies to share, and the sequence held in most.",
    "Our assessing questions got students talking; the monitoring chart filled up quickly.",
    "Comparing the exit prompts showed the same growth across our classrooms.",
    "Tap-to-count let us see the strategies of the whole class at a glance.",
)
DEBRIEF_LEARNED = (
    "We underestimated how many students reach for the algorithm before making sense of it.",
    "When we press for a second strategy, more students reach the general rule.",
    "Our English learners used drawings more than words; we plan supports for that.",
    "A shorter launch gave more time to discuss, and the discussion is where it came together.",
)
VIDEO_MOMENTS = "04:10 Launch: what students noticed\n18:30 A pair compares two strategies"
