import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config.js';
import type { Db } from '../db/database.js';
import type { Actor } from '../auth/actor.js';

export interface AppContext {
  db: Db;
  config: Config;
  log: (message: string) => void;
}

export interface Authentication {
  actor: Actor;
  /** Cookie sessions need the CSRF check on unsafe methods; bearer tokens do not. */
  via: 'cookie' | 'bearer';
}

/** What a domain module plugs into the platform. */
export interface TongbanModule {
  name: string;
  /** Routes, registered under /api/v1. */
  routes?: FastifyPluginAsyncZod;
  /** Turns a request's credentials into an actor (the identity module provides this). */
  authenticate?: (request: FastifyRequest, ctx: AppContext) => Promise<Authentication | null>;
  /** Loads the demo district's data for this module (idempotent). */
  loadDemo?: (ctx: AppContext) => Promise<void>;
  /** Called once at start-up, after migrations (register periodic work etc.). */
  start?: (ctx: AppContext) => Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    actor: Actor;
    authVia?: 'cookie' | 'bearer';
  }
}
