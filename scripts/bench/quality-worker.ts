/** A quality worker process: receives one page job at a time over IPC, answers with its result (quality.ts). */
import { runJob, type Job } from './quality';

process.on('message', (job: Job) => {
  process.send?.(runJob(job));
});
