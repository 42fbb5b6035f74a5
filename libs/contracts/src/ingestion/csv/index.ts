export * from './csv-mapping';
