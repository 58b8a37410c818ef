// Runs once, when the MongoDB volume is created: one user per service, each allowed to read and write its own
// database and nothing else. The passwords come from the environment (.env), never from this file.
function createServiceUser(database, user, password) {
  if (!password) {
    throw new Error("no password for " + user + ": set it in .env");
  }
  db.getSiblingDB(database).createUser({
    user: user,
    pwd: password,
    roles: [{ role: "readWrite", db: database }],
  });
}

createServiceUser("customer360-events", "command-service", process.env.COMMAND_SERVICE_MONGO_PASSWORD);
createServiceUser("customer360-views", "query-service", process.env.QUERY_SERVICE_MONGO_PASSWORD);
