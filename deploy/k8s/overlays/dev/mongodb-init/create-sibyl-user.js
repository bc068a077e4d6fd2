// Runs once, when the MongoDB data directory is first initialised (docker-entrypoint-initdb.d):
// creates Sibyl's application user with readWrite on Sibyl's database only. The root user
// (MONGO_INITDB_ROOT_*) is for administration and is given to no Sibyl app.
// Used by the dev overlay (ConfigMap) and deploy/compose (bind mount).
const user = process.env.SIBYL_MONGODB_USERNAME;
const password = process.env.SIBYL_MONGODB_PASSWORD;
const database = process.env.SIBYL_MONGODB_DATABASE || 'sibyl';
if (!user || !password)
  throw new Error('SIBYL_MONGODB_USERNAME and SIBYL_MONGODB_PASSWORD are required');
db.getSiblingDB('admin').createUser({
  user,
  pwd: password,
  roles: [{ role: 'readWrite', db: database }],
});
print(`created MongoDB user ${user} with readWrite on ${database}`);
