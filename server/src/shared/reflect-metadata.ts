// type-graphql and TypeORM read decorator metadata through this polyfill; load it before any decorated class.
import 'reflect-metadata';
