import { combineReducers, configureStore } from '@reduxjs/toolkit';
import { basketSlice } from './basketSlice';
import { customerSlice } from './customerSlice';

const rootReducer = combineReducers({
  basket: basketSlice.reducer,
  customer: customerSlice.reducer,
});

export const store = configureStore({ reducer: rootReducer });

export type RootState = ReturnType<typeof rootReducer>;
