/**
 * Readers of the documented input files of cs-core's types: subscription events, survey answers, usage records and
 * signal snapshots as CSV with a header row or as JSON arrays, accounts as JSON arrays; see
 * {@link dev.kizuna.core.csv.CsvFormats}. The same readers serve the {@code kizuna} tool, embedding code and the
 * modules that read these formats for their own types ({@code dev.kizuna.health.csv} reads outcomes with them).
 *
 * <p>Every file is read through {@link dev.kizuna.core.csv.InputFile}: UTF-8 only, decoded strictly, a leading
 * byte-order mark skipped, at most 256 MiB. A CSV file's header is checked against its
 * {@link dev.kizuna.core.csv.CsvTable.Layout} before any row is read; cells are read by
 * {@link dev.kizuna.core.csv.TextValues}' strict readers (ASCII numbers, ISO dates, yes/no values, names of a fixed
 * set). Every problem is an {@link dev.kizuna.core.csv.InputException}, and only that: its message starts with the
 * file's name and, where there is one, the line ({@code events.csv:7: column 'unit_price': '12,50' is not a decimal
 * number ...}), then names the column or JSON path and the value, says why and what to write instead.
 */
@NullMarked
package dev.kizuna.core.csv;

import org.jspecify.annotations.NullMarked;
