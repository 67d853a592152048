import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { OpenFeature } from '@openfeature/server-sdk';
import pino from 'pino';
import { typeDefs } from '@storefront-bff/schema';
import { resolvers } from './resolvers';

const logger = pino({ name: 'storefront-bff' });
const flags = OpenFeature.getClient('storefront-bff');

const server = new ApolloServer({ typeDefs, resolvers: resolvers(flags) });
startStandaloneServer(server, { listen: { port: 4000 } }).then(({ url }) =>
  logger.info({ url }, 'storefront-bff ready'),
);
