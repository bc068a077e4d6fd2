// `npm test`: installs what is missing, ensures RabbitMQ, the database and the
// model, then runs every lint, unit and end-to-end target.
import { run } from './bootstrap.mjs';

run('test.ts');
