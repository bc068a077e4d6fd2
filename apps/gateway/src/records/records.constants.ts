/** How often the driver checks the database server, hence how fast it notices it is back. */
export const DATABASE_HEARTBEAT_MS = 2000;
