// Browser and Electron journeys: a whole user journey per test, on a possibly loaded machine.
jest.setTimeout(180_000);
