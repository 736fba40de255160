// The soak's report: what was delivered, what was written, how fast, and whether the run passed.

const number = (value) => value.toLocaleString('en-GB');
const ms = (value) => (Number.isFinite(value) ? `${Math.round(value)} ms` : 'n/a');
const sum = (rows, key) => rows.reduce((total, row) => total + row[key], 0);

function table(header, rows) {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [line(cells[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join(
    '\n',
  );
}

function timeline(marks) {
  const at = (time) => (time === undefined ? 'never' : `${((time - marks.startAt) / 1000).toFixed(1)} s`);
  return (
    `timeline from the first write: B killed at ${at(marks.killAt)}; PostgreSQL restarted at ${at(marks.pgStopAt)}; ` +
    `faults over (both instances healthy) at ${at(marks.faultsOverAt)}; writes done at ${at(marks.writesDoneAt)}; ` +
    `${marks.settled ? 'settled' : 'gave up waiting'} at ${at(marks.settledAt)}`
  );
}

/** Prints the report and returns whether the run passed. */
export function printReport({ sizes, marks, stats, retryCauses, report, unexpectedExits, instances }) {
  const subscribers = report.subscribers;
  const expected = subscribers.map((s) => s.expected);
  const totals = Object.fromEntries(
    ['expected', 'lost', 'duplicated', 'unexpected', 'outOfOrder', 'resets', 'connections'].map((key) => [
      key,
      sum(subscribers, key),
    ]),
  );
  const gaveUp = subscribers.filter((s) => s.gaveUp !== null).length;
  const withErrors = subscribers.filter((s) => s.errorCount > 0);
  const writes = stats.ok + stats.conflicts + stats.failed;
  const out = [];
  out.push('');
  out.push(
    `Tiltak soak: 2 instances on one PostgreSQL 18, ${sizes.SUBSCRIBERS} subscribers, ` +
      `${number(sizes.MUTATIONS)} writes by ${sizes.WRITERS} clients paced over ${sizes.DURATION_S} s`,
  );
  out.push(timeline(marks));
  out.push('');
  out.push(
    table(
      ['subscribers', 'events expected', 'lost', 'duplicated', 'out of order', 'not theirs'],
      [
        [
          sizes.SUBSCRIBERS,
          `${number(totals.expected)} (${number(Math.min(...expected))}–${number(Math.max(...expected))} each)`,
          totals.lost,
          totals.duplicated,
          totals.outOfOrder,
          totals.unexpected,
        ],
      ],
    ),
  );
  out.push('');
  out.push(
    table(
      ['writes', 'per second', 'ok', 'conflicts', 'retried', 'failed'],
      [
        [
          number(writes),
          (writes / ((marks.writesDoneAt - marks.startAt) / 1000)).toFixed(1),
          number(stats.ok),
          number(stats.conflicts),
          number(stats.retried),
          stats.failed,
        ],
      ],
    ),
  );
  out.push('retried: answered after one or more attempts that met a lost instance or an absent database (below)');
  out.push('');
  out.push(
    table(
      ['delivery (commit → receipt)', 'deliveries', 'p50', 'p95', 'max'],
      ['before', 'during', 'after'].map((phase) => {
        const figures = report.latency[phase];
        return [`${phase} the faults`, number(figures.count), ms(figures.p50), ms(figures.p95), ms(figures.max)];
      }),
    ),
  );
  out.push('');
  const causes = Object.entries(retryCauses).map(([cause, count]) => `${cause} ${count}`);
  out.push(`attempts tried again: ${causes.length ? causes.join(', ') : 'none'}`);
  for (const [reason, count] of [...stats.failures].slice(0, 5)) out.push(`failed write ×${count}: ${reason}`);
  out.push(
    `subscribers: ${totals.connections} connections in all (${totals.connections - sizes.SUBSCRIBERS} reconnections), ` +
      `${totals.resets} resets, ${withErrors.length} with subscription errors, ${gaveUp} whose client gave up`,
  );
  const closes = {};
  for (const s of subscribers)
    for (const [code, n] of Object.entries(s.closeCodes)) closes[code] = (closes[code] ?? 0) + n;
  const closeList = Object.entries(closes).map(([code, n]) => `${code} ×${n}`);
  out.push(`  open connections closed, by close code: ${closeList.length ? closeList.join(', ') : 'none'}`);
  for (const s of withErrors.slice(0, 3)) {
    out.push(
      `  subscriber ${s.index} (${s.role}), ${s.errorCount} error(s), first: ${s.errors.join(' | ').slice(0, 300)}`,
    );
  }
  for (const exit of unexpectedExits) {
    const when = ((exit.at - marks.startAt) / 1000).toFixed(1);
    out.push(
      `instance ${exit.instance} died unasked at ${when} s (${exit.signal ?? `exit code ${exit.code}`}); its last lines:`,
    );
    exit.lastLines.slice(-8).forEach((line) => out.push(`  ${line.slice(0, 300)}`));
  }
  for (const instance of instances) {
    const distinct = [...new Set(instance.errorLines.map((line) => line.replace(/^.*?(ERROR|FATAL)/, '$1')))];
    out.push(`instance ${instance.name}: ${instance.errorLines.length} errors in its log`);
    distinct.slice(0, 3).forEach((line) => out.push(`  ${line.slice(0, 300)}`));
  }
  const faulty = subscribers.filter((s) => s.lost + s.duplicated + s.outOfOrder + s.unexpected > 0);
  for (const s of faulty.slice(0, 10)) {
    out.push(
      `  subscriber ${s.index} (${s.role}, started on ${'AB'[s.home]}, ${s.connections} connections): expected ${s.expected}, ` +
        `lost ${s.lost}${s.firstLost ? ` (first seq ${s.firstLost})` : ''}, duplicated ${s.duplicated}, ` +
        `out of order ${s.outOfOrder}, not theirs ${s.unexpected}`,
    );
  }

  const problems = [
    [totals.lost, 'events lost'],
    [totals.duplicated, 'events duplicated'],
    [totals.outOfOrder, 'events out of order'],
    [totals.unexpected, 'events sent to a subscriber who may not see them'],
    [totals.resets, 'resets'],
    [stats.failed, 'writes failed'],
    [unexpectedExits.length, 'instance deaths nobody asked for'],
    [gaveUp, 'subscribers whose client gave up'],
    [marks.settled ? 0 : 1, 'delivery did not settle'],
    [marks.healthy ? 0 : 1, 'instances not healthy after the database restart'],
  ].filter(([count]) => count > 0);
  out.push('');
  out.push(problems.length === 0 ? 'PASS' : `FAIL: ${problems.map(([count, what]) => `${count} ${what}`).join(', ')}`);
  console.log(out.join('\n'));
  return problems.length === 0;
}
