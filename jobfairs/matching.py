"""Interview matching: which employer meets which job-seeker in which slot. Pure functions, no ORM.

1. Choose pairs with a maximum flow (source → [interpreter language →] job-seeker → employer
   → table → sink). Capacities: interviews a job-seeker wants (and the slots there are),
   interviews an employer offers, slots per table, interpreter-slots per language. The flow is
   raised round by round (everyone one interview, then two, …); augmenting paths never take an
   interview away from a job-seeker, so nobody gets a second before everyone who can be given
   a first has one. The final flow value is an upper bound for any timetable.
2. Put the pairs into slots: a bipartite edge colouring (job-seekers × tables, colours = slots)
   with Kempe-chain swaps, which needs no more slots than the busiest table or person has
   interviews (König). Interviews with an interpreter are placed first, only into slots with a
   free interpreter of that language, and a swap is made only if it keeps that true.
3. Fill: any pair that could not be placed frees its people, and remaining wishes are placed
   greedily where a slot is free for both (and an interpreter).

Interviews to keep (`fixed`: self-booked or changed by an editor) are placed before all this
and never moved; they count as given in the fairness rounds, so the plan only fills around them.
"""

from collections import defaultdict, deque
from dataclasses import dataclass, field

MUTUAL, ONE_SIDED = 2, 1  # preference levels: both sides marked the pair, or one side


@dataclass(frozen=True)
class Employer:
    id: object
    trades: frozenset
    capacity: int  # interviews the employer can hold
    table: str = ""

    @property
    def table_key(self):
        return self.table or f"employer:{self.id}"


@dataclass(frozen=True)
class JobSeeker:
    id: object
    trades: frozenset
    interpreter: str | None = None  # ISO 639-1 code of the interpreter needed, or None
    max_interviews: int = 3


@dataclass(frozen=True)
class Assignment:
    employer: object
    jobseeker: object
    slot: int
    table: str
    interpreter: str | None = None


@dataclass(frozen=True)
class Fixed:
    """An interview the plan must keep as it is (booked by the job-seeker, or changed by an
    editor): it holds the person, the employer and the table in `slots` (one or more, as its
    times overlap them; none when it lies outside the slots) and counts towards both sides'
    numbers of interviews."""

    employer: object
    jobseeker: object
    slots: tuple
    table: str = ""
    interpreter: str | None = None


@dataclass
class MatchResult:
    assignments: list = field(default_factory=list)
    upper_bound: int = 0  # no timetable can place more interviews (flow value)
    requested: int = 0  # interviews wished for, before any capacity is considered

    @property
    def placed(self):
        return len(self.assignments)


# Maximum flow (Dinic) ------------------------------------------------------------------------

class _Flow:
    def __init__(self):
        self.graph = defaultdict(list)  # node -> [edge index]
        self.to, self.cap = [], []

    def add(self, u, v, capacity):
        self.graph[u].append(len(self.to))
        self.to.append(v)
        self.cap.append(capacity)
        self.graph[v].append(len(self.to))
        self.to.append(u)
        self.cap.append(0)
        return len(self.to) - 2

    def flow_on(self, edge):
        return self.cap[edge ^ 1]

    def raise_capacity(self, edge, capacity):
        """Set the total capacity of a forward edge, keeping its current flow."""
        self.cap[edge] = max(0, capacity - self.flow_on(edge))

    def max_flow(self, source, sink):
        total = 0
        while True:
            level = {source: 0}
            queue = deque([source])
            while queue:
                node = queue.popleft()
                for edge in self.graph[node]:
                    if self.cap[edge] > 0 and self.to[edge] not in level:
                        level[self.to[edge]] = level[node] + 1
                        queue.append(self.to[edge])
            if sink not in level:
                return total
            pointer = {node: 0 for node in level}
            while True:
                pushed = self._push(source, sink, level, pointer)
                if not pushed:
                    break
                total += pushed

    def _push(self, source, sink, level, pointer):
        # Iterative DFS for one augmenting path of capacity 1 or more along the level graph.
        stack, path = [source], []
        while stack:
            node = stack[-1]
            if node == sink:
                amount = min(self.cap[edge] for edge in path)
                for edge in path:
                    self.cap[edge] -= amount
                    self.cap[edge ^ 1] += amount
                return amount
            edges = self.graph[node]
            advanced = False
            while pointer[node] < len(edges):
                edge = edges[pointer[node]]
                target = self.to[edge]
                if self.cap[edge] > 0 and level.get(target) == level[node] + 1:
                    stack.append(target)
                    path.append(edge)
                    advanced = True
                    break
                pointer[node] += 1
            if not advanced:
                stack.pop()
                if path:
                    path.pop()
                    pointer[stack[-1]] += 1
                level[node] = -1  # dead end
        return 0


def _trade_pairs(employers, jobseekers):
    """(seeker id, employer id) of every shared-trade pair, in a stable order."""
    employers_by_trade = defaultdict(list)
    for employer in employers:
        for trade in employer.trades:
            employers_by_trade[trade].append(employer)
    pairs = []
    for seeker in jobseekers:
        seen = set()
        for trade in sorted(seeker.trades, key=str):
            for employer in employers_by_trade.get(trade, ()):
                if employer.id not in seen:
                    seen.add(employer.id)
                    pairs.append((seeker.id, employer.id))
    return pairs


# Phases of one fairness round with preferences: (lowest level of a pair edge that may take new
# flow, lowest level of a used pair edge that an augmenting path may not take back). The last
# phase opens everything, so every round still reaches its maximum flow.
_PHASES = ((MUTUAL, None), (ONE_SIDED, MUTUAL), (0, ONE_SIDED), (0, None))


def _choose_pairs(employers, jobseekers, candidates, wants, employer_caps, table_caps,
                  interpreter_slots, levels=None, given=None):
    """Pairs out of `candidates` by a round-by-round maximum flow; (pairs, flow value).

    `wants`, `employer_caps`, `table_caps` and `interpreter_slots` are what is still free.
    `levels` maps preferred pairs to MUTUAL or ONE_SIDED: inside each round the flow is first
    raised over mutual pairs, then one-sided ones, then the rest (phases that do not take back
    the interviews of a stronger level), so preferences choose among the pairs the round may
    form; the round's flow value, and with it the fairness, is the same as without them.
    `given` counts interviews people already hold (kept ones): round n offers them n - given."""
    given = given or {}
    flow = _Flow()
    source, sink = ("source",), ("sink",)
    for language, total in interpreter_slots.items():
        flow.add(source, ("lang", language), total)
    seeker_edges = {}
    for seeker in jobseekers:
        start = ("lang", seeker.interpreter) if seeker.interpreter else source
        if seeker.interpreter and seeker.interpreter not in interpreter_slots:
            continue
        seeker_edges[seeker.id] = flow.add(start, ("s", seeker.id), 0)
    pair_edges = {}
    for seeker_id, employer_id in candidates:
        if seeker_id in seeker_edges:
            pair_edges[(seeker_id, employer_id)] = flow.add(
                ("s", seeker_id), ("e", employer_id), 1)
    tables = {}
    for employer in employers:
        flow.add(("e", employer.id), ("t", employer.table_key), employer_caps[employer.id])
        tables.setdefault(employer.table_key, None)
    for table in tables:
        flow.add(("t", table), sink, table_caps[table])
    interpreted = [seeker_edges[s.id] for s in jobseekers
                   if s.interpreter and s.id in seeker_edges]
    total = 0
    rounds = max((wants[s.id] + given.get(s.id, 0) for s in jobseekers), default=0)
    for round_number in range(1, rounds + 1):
        for seeker in jobseekers:
            if seeker.id in seeker_edges:
                flow.raise_capacity(seeker_edges[seeker.id], max(0, min(
                    round_number - given.get(seeker.id, 0), wants[seeker.id])))
        if not levels:
            total += flow.max_flow(source, sink)
            continue
        for phase, (open_from, keep_from) in enumerate(_PHASES):
            kept = []
            for pair, edge in pair_edges.items():
                level = levels.get(pair, 0)
                if flow.flow_on(edge):
                    if keep_from is not None and level >= keep_from:
                        kept.append((edge, flow.cap[edge ^ 1]))
                        flow.cap[edge ^ 1] = 0  # not taken back in this phase
                else:
                    flow.cap[edge] = 1 if level >= open_from else 0
            if phase < len(_PHASES) - 1:
                # Nor does an interview move from one person needing an interpreter to
                # another (through the language's node): only the last phase may do that.
                for edge in interpreted:
                    kept.append((edge, flow.cap[edge ^ 1]))
                    flow.cap[edge ^ 1] = 0
            total += flow.max_flow(source, sink)
            for edge, capacity in kept:
                flow.cap[edge ^ 1] += capacity  # plus what the phase added
    pairs = [pair for pair, edge in pair_edges.items() if flow.flow_on(edge)]
    return pairs, total


# Slot assignment (edge colouring with interpreter capacities) ---------------------------------

class _Timetable:
    def __init__(self, slot_count, interpreters):
        self.slot_count = slot_count
        self.interpreters = interpreters  # (language, slot) -> interpreters
        self.at = defaultdict(dict)  # vertex -> {slot: edge}
        self.slot_of = {}  # edge -> slot
        self.used = defaultdict(int)  # (language, slot) -> interpreters busy
        self.edges = {}  # edge -> (seeker vertex, table vertex, language)
        self.frozen = set()  # edges of a higher-priority tier: never moved by a later one

    def free(self, vertex, slot):
        return slot not in self.at[vertex]

    def interpreter_free(self, language, slot, extra=0):
        if not language:
            return True
        return self.used[(language, slot)] + extra < self.interpreters.get((language, slot), 0)

    def put(self, edge, slot):
        seeker, table, language = self.edges[edge]
        self.at[seeker][slot] = edge
        self.at[table][slot] = edge
        self.slot_of[edge] = slot
        if language:
            self.used[(language, slot)] += 1

    def block(self, edge, slots, tables):
        """Place a kept interview: it holds the person and every table in `tables` in each of
        `slots`, and is never moved (frozen)."""
        seeker, _table, language = self.edges[edge]
        slots = [slot for slot in slots if 0 <= slot < self.slot_count]
        vertices = [seeker, *tables]
        for slot in slots:
            for vertex in vertices:
                self.at[vertex][slot] = edge
            if language:
                self.used[(language, slot)] += 1
        if slots:
            self.slot_of[edge] = slots[0]
        self.frozen.add(edge)

    def take(self, edge):
        seeker, table, language = self.edges[edge]
        slot = self.slot_of.pop(edge)
        del self.at[seeker][slot]
        del self.at[table][slot]
        if language:
            self.used[(language, slot)] -= 1

    def _chain(self, vertex, first, second):
        """Edges of the alternating first/second path that starts at `vertex` with `first`."""
        chain, colour, seen = [], first, set()
        while colour in self.at[vertex]:
            edge = self.at[vertex][colour]
            if edge in seen:
                break
            seen.add(edge)
            chain.append(edge)
            seeker, table, _language = self.edges[edge]
            vertex = table if vertex == seeker else seeker
            colour = second if colour == first else first
        return chain

    def _flip_allowed(self, chain, first, second):
        if self.frozen.intersection(chain):
            return False
        change = defaultdict(int)
        for edge in chain:
            language = self.edges[edge][2]
            if language:
                old = self.slot_of[edge]
                new = second if old == first else first
                change[(language, old)] -= 1
                change[(language, new)] += 1
        return all(self.used[key] + delta <= self.interpreters.get(key, 0)
                   for key, delta in change.items() if delta > 0)

    def _flip(self, chain, first, second):
        moves = [(edge, second if self.slot_of[edge] == first else first) for edge in chain]
        for edge, _slot in moves:
            self.take(edge)
        for edge, slot in moves:
            self.put(edge, slot)

    def place(self, edge):
        seeker, table, language = self.edges[edge]
        slots = range(self.slot_count)
        for slot in slots:
            if self.free(seeker, slot) and self.free(table, slot) \
                    and self.interpreter_free(language, slot):
                self.put(edge, slot)
                return True
        # Free at the person (and with an interpreter), busy at the table: swap a Kempe chain
        # from the table so that the slot becomes free there.
        for first in slots:
            if not self.free(seeker, first) or not self.interpreter_free(language, first):
                continue
            for second in slots:
                if second == first or not self.free(table, second):
                    continue
                chain = self._chain(table, first, second)
                if any(self.edges[e][0] == seeker or self.edges[e][1] == seeker for e in chain):
                    continue
                if not self._flip_allowed(chain, first, second):
                    continue
                self._flip(chain, first, second)
                if self.free(table, first) and self.free(seeker, first) \
                        and self.interpreter_free(language, first):
                    self.put(edge, first)
                    return True
                self._flip(chain, first, second)  # undo
        return False



def plan(employers, jobseekers, slot_count, interpreters=None, preferences=None, fixed=()):
    """Propose a timetable. `interpreters` maps (language, slot) to interpreters available;
    `preferences` maps (seeker id, employer id) to MUTUAL or ONE_SIDED; `fixed` lists the
    interviews to keep (Fixed): the result's assignments are the new ones placed around them.

    Fairness stays the outer rule: the flow is raised round by round for everyone, and
    preferences only choose among the pairs a round may form (mutual preferences, then
    one-sided ones, then the remaining trade fits). Preferred pairs are also put into slots
    first and tried first when filling; finally a person's interview of a weaker level is
    exchanged for an unplaced stronger preference of the same person where that fits, which
    changes nobody's number of interviews. A preference makes a pair possible even without a
    shared trade. Without preferences the plan is exactly the plain one."""
    interpreters = {key: count for key, count in (interpreters or {}).items() if count > 0}
    preferences = {pair: level for pair, level in (preferences or {}).items() if level > 0}
    preferred_seekers = {seeker for seeker, _employer in preferences}
    preferred_employers = {employer for _seeker, employer in preferences}
    employers = [e for e in employers
                 if e.capacity > 0 and (e.trades or e.id in preferred_employers)]
    jobseekers = [s for s in jobseekers
                  if s.max_interviews > 0 and (s.trades or s.id in preferred_seekers)]
    by_employer = {e.id: e for e in employers}
    by_seeker = {s.id: s for s in jobseekers}
    order_of_employer = {e.id: i for i, e in enumerate(employers)}
    order_of_seeker = {s.id: i for i, s in enumerate(jobseekers)}
    preferences = {pair: level for pair, level in preferences.items()
                   if pair[0] in by_seeker and pair[1] in by_employer}
    interpreter_slots, slots_with = defaultdict(int), defaultdict(int)
    for (language, slot), count in interpreters.items():
        if 0 <= slot < slot_count:
            interpreter_slots[language] += count
            slots_with[language] += 1
    trade_pairs = _trade_pairs(employers, jobseekers)
    eligible = trade_pairs + sorted(
        (pair for pair in preferences if pair not in set(trade_pairs)),
        key=lambda pair: (order_of_seeker[pair[0]], order_of_employer[pair[1]]))
    eligible.sort(key=lambda pair: order_of_seeker[pair[0]])  # stable: trade order kept
    per_seeker = defaultdict(int)
    for seeker_id, _employer_id in eligible:
        per_seeker[seeker_id] += 1
    requested = sum(min(s.max_interviews, per_seeker[s.id]) for s in jobseekers)
    if slot_count <= 0 or not employers or not jobseekers:
        return MatchResult(requested=requested)

    if len({preferences.get(pair, 0) for pair in eligible}) < 2:
        preferences = {}  # all pairs alike: nothing to choose, the plain plan
    timetable = _Timetable(slot_count, interpreters)
    pairs, kept_pairs = [], set()
    for kept in fixed:
        pair = (kept.jobseeker, kept.employer)
        employer = by_employer.get(kept.employer)
        tables = {("t", kept.table or f"employer:{kept.employer}")}
        if employer is not None:
            tables.add(("t", employer.table_key))
        timetable.edges[len(pairs)] = (("s", kept.jobseeker), min(tables), kept.interpreter)
        timetable.block(len(pairs), kept.slots, sorted(tables))
        pairs.append(pair)
        kept_pairs.add(pair)
    already = defaultdict(int)
    for seeker_id, _employer_id in kept_pairs:
        already[seeker_id] += 1
    free = _free_capacity(timetable, employers, jobseekers, slot_count, interpreters,
                          interpreter_slots, slots_with, kept_pairs)
    eligible = [pair for pair in eligible if pair not in kept_pairs]
    chosen, bound = _choose_pairs(employers, jobseekers, eligible, *free, levels=preferences,
                                  given=already)
    bound += len(kept_pairs)
    first_new = len(pairs)
    for seeker_id, employer_id in chosen:
        timetable.edges[len(pairs)] = (("s", seeker_id),
                                       ("t", by_employer[employer_id].table_key),
                                       by_seeker[seeker_id].interpreter)
        pairs.append((seeker_id, employer_id))
    # Most constrained first: interpreter interviews, then in flow order. With preferences
    # each person's strongest pair before anyone's second, then by preference level.
    new = range(first_new, len(pairs))
    if preferences:
        nth, seen = {}, defaultdict(int)
        for e in sorted(new, key=lambda e: -preferences.get(pairs[e], 0)):
            nth[e] = seen[pairs[e][0]]
            seen[pairs[e][0]] += 1
        order = sorted(new, key=lambda e: (
            timetable.edges[e][2] is None, nth[e], -preferences.get(pairs[e], 0), e))
    else:
        order = sorted(new, key=lambda e: (timetable.edges[e][2] is None, e))
    unplaced = [edge for edge in order if not timetable.place(edge)]
    for edge in unplaced:
        del timetable.edges[edge]
    placed_pairs = {pairs[e] for e in timetable.slot_of} | kept_pairs
    while True:
        _fill(timetable, pairs, placed_pairs, eligible, by_employer, by_seeker, preferences)
        if not _exchange(timetable, pairs, placed_pairs, by_employer, by_seeker, preferences):
            break

    assignments = []
    for edge, slot in timetable.slot_of.items():
        if edge in timetable.frozen:
            continue  # kept as it is: not part of the proposal
        seeker_id, employer_id = pairs[edge]
        assignments.append(Assignment(employer=employer_id, jobseeker=seeker_id, slot=slot,
                                      table=by_employer[employer_id].table,
                                      interpreter=by_seeker[seeker_id].interpreter))
    assignments.sort(key=lambda a: (a.slot, str(a.table), str(a.employer)))
    return MatchResult(assignments=assignments, upper_bound=bound, requested=requested)


def _exchange(timetable, pairs, placed_pairs, by_employer, by_seeker, preferences):
    """Give a person an unplaced preferred pair instead of one of their interviews of a weaker
    level where it fits (their number of interviews stays); True if anything changed."""
    if not preferences:
        return False
    load = defaultdict(int)
    for _seeker_id, employer_id in placed_pairs:
        load[employer_id] += 1
    wanted = defaultdict(list)  # seeker -> unplaced preferred pairs, strongest first
    for pair, _level in sorted(preferences.items(), key=lambda item: -item[1]):
        if pair not in placed_pairs:
            wanted[pair[0]].append(pair)
    edge_of = {pairs[edge]: edge for edge in timetable.slot_of if edge not in timetable.frozen}
    changed = False
    for seeker_id, options in wanted.items():
        held = sorted((pair for pair in edge_of if pair[0] == seeker_id),
                      key=lambda pair: preferences.get(pair, 0))
        for weaker in held:
            for better in options:
                if better in placed_pairs \
                        or preferences[better] <= preferences.get(weaker, 0) \
                        or load[better[1]] >= by_employer[better[1]].capacity:
                    continue
                old_edge = edge_of[weaker]
                old_slot = timetable.slot_of[old_edge]
                timetable.take(old_edge)
                edge = len(pairs)
                pairs.append(better)
                seeker, _table, language = timetable.edges[old_edge]
                timetable.edges[edge] = (seeker, ("t", by_employer[better[1]].table_key),
                                         language)
                if timetable.place(edge):
                    del timetable.edges[old_edge]
                    placed_pairs.discard(weaker)
                    placed_pairs.add(better)
                    del edge_of[weaker]
                    edge_of[better] = edge
                    load[weaker[1]] -= 1
                    load[better[1]] += 1
                    changed = True
                    break
                del timetable.edges[edge]
                pairs.pop()
                timetable.put(old_edge, old_slot)
    return _exchange_at_employers(timetable, pairs, placed_pairs, by_seeker, preferences) \
        or changed


def _exchange_at_employers(timetable, pairs, placed_pairs, by_seeker, preferences):
    """Give an employer's interview of a weaker level to a person with an unplaced stronger
    preference for that employer who has exactly one interview fewer than its holder: both
    then hold the same round's interview, so the numbers of interviews (and the fairness)
    stay as they are. True if anything changed."""
    given = defaultdict(int)
    for seeker_id, _employer_id in placed_pairs:
        given[seeker_id] += 1
    edge_of = {pairs[edge]: edge for edge in timetable.slot_of if edge not in timetable.frozen}
    held = defaultdict(list)  # employer -> placed pairs, weakest first
    for pair in sorted(edge_of, key=lambda pair: preferences.get(pair, 0)):
        held[pair[1]].append(pair)
    changed = False
    for better, level in sorted(preferences.items(), key=lambda item: -item[1]):
        seeker_id = better[0]
        if better in placed_pairs or given[seeker_id] >= by_seeker[seeker_id].max_interviews:
            continue
        for weaker in held[better[1]]:
            if weaker not in placed_pairs or preferences.get(weaker, 0) >= level \
                    or given[weaker[0]] != given[seeker_id] + 1:
                continue
            old_edge = edge_of[weaker]
            old_slot = timetable.slot_of[old_edge]
            timetable.take(old_edge)
            edge = len(pairs)
            pairs.append(better)
            timetable.edges[edge] = (("s", seeker_id), timetable.edges[old_edge][1],
                                     by_seeker[seeker_id].interpreter)
            if timetable.place(edge):
                del timetable.edges[old_edge]
                placed_pairs.discard(weaker)
                placed_pairs.add(better)
                edge_of[better] = edge
                given[weaker[0]] -= 1
                given[seeker_id] += 1
                changed = True
                break
            del timetable.edges[edge]
            pairs.pop()
            timetable.put(old_edge, old_slot)
    return changed


def _free_capacity(timetable, employers, jobseekers, slot_count, interpreters,
                   interpreter_slots, slots_with, placed_pairs):
    """(wants, employer caps, table caps, interpreter-slots) still free in the timetable."""
    given, load = defaultdict(int), defaultdict(int)
    for seeker_id, employer_id in placed_pairs:
        given[seeker_id] += 1
        load[employer_id] += 1
    wants = {}
    for seeker in jobseekers:
        busy = timetable.at[("s", seeker.id)]
        limit = min(seeker.max_interviews - given[seeker.id], slot_count - len(busy))
        if seeker.interpreter:
            if timetable.slot_of:
                open_slots = sum(1 for slot in range(slot_count) if slot not in busy
                                 and timetable.interpreter_free(seeker.interpreter, slot))
            else:
                open_slots = slots_with.get(seeker.interpreter, 0)
            limit = min(limit, open_slots)
        wants[seeker.id] = max(0, limit)
    employer_caps = {e.id: max(0, min(e.capacity - load[e.id], slot_count)) for e in employers}
    table_caps = {e.table_key: slot_count - len(timetable.at[("t", e.table_key)])
                  for e in employers}
    if timetable.slot_of:
        remaining = defaultdict(int)
        for (language, slot), count in interpreters.items():
            if 0 <= slot < slot_count:
                remaining[language] += max(0, count - timetable.used[(language, slot)])
        languages = {language: total for language, total in remaining.items() if total > 0}
    else:
        languages = dict(interpreter_slots)
    return wants, employer_caps, table_caps, languages


def _fill(timetable, pairs, placed_pairs, candidates, by_employer, by_seeker, preferences=None):
    """Place further pairs of `candidates` greedily where a slot is free for both (fewest
    interviews first; a person's preferred employers first)."""
    preferences = preferences or {}
    given = defaultdict(int)
    load = defaultdict(int)
    for seeker_id, employer_id in placed_pairs:
        given[seeker_id] += 1
        load[employer_id] += 1
    options = defaultdict(list)
    for seeker_id, employer_id in candidates:
        options[seeker_id].append(employer_id)
    rank = {employer_id: i for i, employer_id in enumerate(by_employer)}
    for seeker_id, employer_ids in options.items():
        employer_ids.sort(key=lambda e: (-preferences.get((seeker_id, e), 0), rank[e]))
    seekers = [by_seeker[seeker_id] for seeker_id in options]
    changed = True
    while changed:
        changed = False
        for seeker in sorted(seekers, key=lambda s: given[s.id]):
            if given[seeker.id] >= seeker.max_interviews:
                continue
            for employer_id in options[seeker.id]:
                employer = by_employer[employer_id]
                pair = (seeker.id, employer.id)
                if pair in placed_pairs or load[employer.id] >= employer.capacity:
                    continue
                edge = len(pairs)
                pairs.append(pair)
                timetable.edges[edge] = (("s", seeker.id), ("t", employer.table_key),
                                         seeker.interpreter)
                if timetable.place(edge):
                    placed_pairs.add(pair)
                    given[seeker.id] += 1
                    load[employer.id] += 1
                    changed = True
                    break
                del timetable.edges[edge]
                pairs.pop()


def check(result, employers, jobseekers, slot_count, interpreters=None, preferences=None):
    """The violated rules of a timetable (empty when valid): tests and the admin use it."""
    interpreters = interpreters or {}
    preferences = preferences or {}
    by_employer = {e.id: e for e in employers}
    by_seeker = {s.id: s for s in jobseekers}
    problems = []
    seen_person, seen_table, seen_pair = set(), set(), set()
    used = defaultdict(int)
    per_employer, per_seeker = defaultdict(int), defaultdict(int)
    for a in result.assignments:
        employer, seeker = by_employer[a.employer], by_seeker[a.jobseeker]
        if not (employer.trades & seeker.trades) and not preferences.get(
                (a.jobseeker, a.employer)):
            problems.append(f"no shared trade: {a}")
        if not 0 <= a.slot < slot_count:
            problems.append(f"slot out of range: {a}")
        for key, store, label in (((a.jobseeker, a.slot), seen_person, "person"),
                                  ((employer.table_key, a.slot), seen_table, "table"),
                                  ((a.employer, a.slot), set(), "employer"),
                                  ((a.employer, a.jobseeker), seen_pair, "pair")):
            if key in store:
                problems.append(f"{label} double-booked: {a}")
            store.add(key)
        if seeker.interpreter:
            used[(seeker.interpreter, a.slot)] += 1
            if used[(seeker.interpreter, a.slot)] > interpreters.get((seeker.interpreter, a.slot), 0):
                problems.append(f"no interpreter free: {a}")
        per_employer[a.employer] += 1
        per_seeker[a.jobseeker] += 1
    problems += [f"employer over capacity: {e}" for e, n in per_employer.items()
                 if n > by_employer[e].capacity]
    problems += [f"job-seeker over limit: {s}" for s, n in per_seeker.items()
                 if n > by_seeker[s].max_interviews]
    return problems
