// `npm start`: installs, builds, starts or reuses RabbitMQ and the database, trains
// the model if absent, starts all apps and prints the URLs. Ctrl-C stops it all.
import { run } from './bootstrap.mjs';

run('start.ts');
