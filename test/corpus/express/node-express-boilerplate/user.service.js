const httpStatus = require('http-status');
const { User } = require('../models');
const ApiError = require('../utils/ApiError');

const createUser = async (userBody) => {
  if (await User.isEmailTaken(userBody.email)) {
    throw new ApiError(httpStatus.BAD_REQUEST, 'Email already taken');
  }
  return User.create(userBody);
};

const queryUsers = async (filter, options) => {
  if (options.limit && options.limit > 100) {
    throw new ApiError(httpStatus.BAD_REQUEST, 'limit must be at most 100');
  }
  return User.paginate(filter, options);
};

const getUserById = async (id) => User.findById(id);

const getUserByEmail = async (email) => User.findOne({ email });

const updateUserById = async (userId, updateBody) => {
  const user = await getUserById(userId);
  if (!user) {
    throw new ApiError(httpStatus.NOT_FOUND, 'User not found');
  }
  if (updateBody.email && (await User.isEmailTaken(updateBody.email, userId))) {
    throw new ApiError(httpStatus.BAD_REQUEST, 'Email already taken');
  }
  Object.assign(user, updateBody);
  await user.save();
  return user;
};

const deleteUserById = async (userId, actingUser) => {
  const user = await getUserById(userId);
  if (!user) {
    throw new ApiError(httpStatus.NOT_FOUND, 'User not found');
  }
  if (actingUser.role !== 'admin' && String(actingUser.id) !== String(userId)) {
    throw new ApiError(httpStatus.UNAUTHORIZED, 'You can only delete your own account'); // expect: require-403-for-permission-denial
  }
  await user.remove();
  return user;
};

module.exports = { createUser, queryUsers, getUserById, getUserByEmail, updateUserById, deleteUserById };
