/**
 * `tsx tests/corpus/corpus-worker.ts <corpus-dir> <slug>...`: measure each page, print one JSON array of PageRow.
 * A page that throws becomes a failed row (measurePage catches), so one bad page never loses the others.
 */
import { measurePage, type PageRow } from './measure';

const [dir, ...slugs] = process.argv.slice(2);
if (!dir) {
  process.stderr.write('usage: corpus-worker <corpus-dir> <slug>...\n');
  process.exit(2);
}
const rows: PageRow[] = slugs.map((slug) => measurePage(dir, slug));
process.stdout.write(JSON.stringify(rows));
