module.exports = { ...require('../../jest.preset'), displayName: 'event-cli' };
