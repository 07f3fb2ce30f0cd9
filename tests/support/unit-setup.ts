// Unit tests run against fake-indexeddb; e2e tests use the real IndexedDB of Chromium.
import 'fake-indexeddb/auto'
